// SPDX-License-Identifier: MIT
#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

namespace outpost::testing {

/// The real outpostd binary as a child process on an ephemeral loopback port.
///
/// The binary is $OUTPOSTD_BIN (outpost_add_test sets it). start() runs
/// `outpostd --listen 127.0.0.1:<port> --db <url> --attachments <tmp> [--demo --demo-cases N] <extra>`
/// (port 0 unless Options::port says otherwise) in a private temp dir and waits for its
/// "outpostd listening on http(s)://HOST:PORT" line. restart() starts it again with the same options on
/// the same port, so clients keep their URL across a crash (kill()) or a stop(). The server's stderr
/// (its log, appended across restarts) goes to a file; log() reads it, e.g. to print it when a test
/// fails. The destructor kills a server that is still running.
class OutpostdProcess
{
public:
    struct Options {
        QString dbUrl; // required: TestDatabase::url()
        bool demo = false;
        int demoCases = 300;
        int pbkdf2Iterations = 1000; // cheap sign-ins in tests (production default: 600,000)
        QStringList extraArgs; // appended as-is
        int startTimeoutMs = 120000; // seeding 50k demo cases takes a while
        quint16 port = 0; // 0: an ephemeral port, chosen by the system
    };

    OutpostdProcess();
    ~OutpostdProcess();
    OutpostdProcess(const OutpostdProcess &) = delete;
    OutpostdProcess &operator=(const OutpostdProcess &) = delete;

    /// Starts the server and waits until it listens. False with a reason (and the server's log)
    /// when it exits early, prints something else or does not listen within the timeout.
    bool start(const Options &options, QString *why);
    /// Stops a running server (SIGTERM), then starts it again with the options of the last start()
    /// on the port it listened on (same database, same attachments, same baseUrl()).
    bool restart(QString *why);

    QUrl baseUrl() const { return m_baseUrl; } // "http://127.0.0.1:PORT"
    /// baseUrl() + path (+ query): url("/api/v1/health").
    QUrl url(const QString &pathAndQuery) const;
    quint16 port() const { return quint16(m_baseUrl.port()); }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); } // e.g. to send it SIGHUP

    /// SIGTERM, then waits up to `timeoutMs` for the exit: the exit code, or -1 when it crashed
    /// (signal) or did not exit in time (then it is killed).
    int stop(int timeoutMs = 30000);
    /// SIGKILL, and wait for it.
    void kill();

    /// The server's stderr so far (its structured log).
    QByteArray log() const;
    QString workDir() const { return m_dir.path(); }
    static QString binary(); // $OUTPOSTD_BIN

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_baseUrl;
    Options m_options;
    bool m_started = false;
};

} // namespace outpost::testing
