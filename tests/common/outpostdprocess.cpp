// SPDX-License-Identifier: MIT
#include "outpostdprocess.h"

#include <QDeadlineTimer>
#include <QFile>

namespace outpost::testing {

OutpostdProcess::OutpostdProcess() = default;

OutpostdProcess::~OutpostdProcess()
{
    if (isRunning())
        kill();
}

QString OutpostdProcess::binary()
{
    return qEnvironmentVariable("OUTPOSTD_BIN");
}

QUrl OutpostdProcess::url(const QString &pathAndQuery) const
{
    return QUrl(m_baseUrl.toString() + pathAndQuery);
}

QByteArray OutpostdProcess::log() const
{
    QFile f(m_dir.filePath(QStringLiteral("outpostd.log")));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool OutpostdProcess::start(const Options &options, QString *why)
{
    const QString bin = binary();
    if (bin.isEmpty()) {
        *why = QStringLiteral("OUTPOSTD_BIN is not set (outpost_add_test sets it)");
        return false;
    }
    if (!m_dir.isValid() || options.dbUrl.isEmpty()) {
        *why = QStringLiteral("no temp dir or no database URL");
        return false;
    }
    m_options = options;
    m_started = true;
    QStringList args { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(options.port),
        QStringLiteral("--db"), options.dbUrl, QStringLiteral("--attachments"),
        m_dir.filePath(QStringLiteral("attachments")), QStringLiteral("--pbkdf2-iterations"),
        QString::number(options.pbkdf2Iterations) };
    if (options.demo)
        args << QStringLiteral("--demo") << QStringLiteral("--demo-cases")
             << QString::number(options.demoCases);
    args << options.extraArgs;

    if (m_process.isOpen())
        m_process.readAllStandardOutput(); // what an earlier run left unread (its "listening" line)
    m_baseUrl.clear();
    m_process.setWorkingDirectory(m_dir.path());
    m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("outpostd.log")), QIODevice::Append);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(bin, args);
    if (!m_process.waitForStarted(10000)) {
        *why = QStringLiteral("cannot start %1: %2").arg(bin, m_process.errorString());
        return false;
    }
    const QByteArray prefix = "outpostd listening on ";
    QByteArray out;
    QDeadlineTimer deadline(options.startTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process.canReadLine()
            || m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            while (m_process.canReadLine()) {
                const QByteArray line = m_process.readLine().trimmed();
                out += line + '\n';
                if (line.startsWith(prefix)) {
                    m_baseUrl = QUrl(QString::fromUtf8(line.mid(prefix.size())));
                    if (m_baseUrl.isValid() && m_baseUrl.port() > 0)
                        return true;
                }
            }
        } else if (m_process.state() == QProcess::NotRunning) {
            break;
        }
    }
    *why = QStringLiteral("outpostd did not report listening (exit code %1, stdout '%2'); log:\n%3")
               .arg(m_process.state() == QProcess::NotRunning ? QString::number(m_process.exitCode())
                                                              : QStringLiteral("still running"),
                   QString::fromUtf8(out), QString::fromUtf8(log().right(4000)));
    kill();
    return false;
}

bool OutpostdProcess::restart(QString *why)
{
    if (!m_started || !m_baseUrl.isValid()) {
        *why = QStringLiteral("restart() needs a server that started before");
        return false;
    }
    if (isRunning() && stop() != 0) {
        *why = QStringLiteral("the running server did not stop cleanly; log:\n")
            + QString::fromUtf8(log().right(4000));
        return false;
    }
    Options again = m_options;
    again.port = port();
    return start(again, why);
}

int OutpostdProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate(); // SIGTERM on Unix
    if (!m_process.waitForFinished(timeoutMs)) {
        kill();
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

void OutpostdProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished(10000);
}

} // namespace outpost::testing
