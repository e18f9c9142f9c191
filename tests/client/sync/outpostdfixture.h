// SPDX-License-Identifier: MIT
#pragma once

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>

#include <csignal>

/// A real outpostd on an ephemeral loopback port with a SQLite file in a temp dir. start() answers
/// an empty string when it runs, otherwise why not (missing binary, placeholder that exits at once).
class OutpostdProcess
{
public:
    explicit OutpostdProcess(QString dbPath)
        : m_dbPath(std::move(dbPath))
    { }
    ~OutpostdProcess() { kill(); }

    static QString binary() { return qEnvironmentVariable("OUTPOSTD_BIN"); }

    QString start(quint16 port = 0, int demoCases = -1)
    {
        const QString bin = binary();
        if (bin.isEmpty() || !QFileInfo(bin).isExecutable())
            return QStringLiteral("OUTPOSTD_BIN is not set or not executable (%1)").arg(bin);
        m_proc = std::make_unique<QProcess>();
        m_proc->setProcessChannelMode(QProcess::SeparateChannels);
        QStringList args { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
            QStringLiteral("--db"), QStringLiteral("sqlite:") + m_dbPath, QStringLiteral("--demo") };
        if (demoCases >= 0)
            args << QStringLiteral("--demo-cases") << QString::number(demoCases);
        m_demoCases = demoCases;
        QSignalSpy out(m_proc.get(), &QProcess::readyReadStandardOutput);
        QSignalSpy done(m_proc.get(), &QProcess::finished);
        m_proc->start(bin, args);
        if (!m_proc->waitForStarted(10000))
            return QStringLiteral("outpostd did not start: %1").arg(m_proc->errorString());
        static const QRegularExpression re(QStringLiteral("outpostd listening on (http://\\S+)"));
        QByteArray seen;
        for (int i = 0; i < 200; ++i) {
            seen += m_proc->readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(seen));
            if (m.hasMatch()) {
                m_url = QUrl(m.captured(1));
                return QString();
            }
            if (m_proc->state() == QProcess::NotRunning || done.count())
                return QStringLiteral("outpostd exited at once (the placeholder binary?): %1")
                    .arg(QString::fromUtf8(seen + m_proc->readAllStandardError()).left(300));
            if (!out.wait(100) && m_proc->state() == QProcess::NotRunning)
                return QStringLiteral("outpostd exited at once (the placeholder binary?)");
        }
        return QStringLiteral("outpostd printed no 'listening on' line: %1")
            .arg(QString::fromUtf8(seen).left(300));
    }

    /// SIGKILL, as a crash or a cut cable would end it.
    void kill()
    {
        if (m_proc && m_proc->state() != QProcess::NotRunning) {
            ::kill(pid_t(m_proc->processId()), SIGKILL);
            m_proc->waitForFinished(10000);
        }
    }
    /// Starts again on the same database and port.
    QString restart() { return start(quint16(m_url.port()), m_demoCases); }

    QUrl url() const { return m_url; }

private:
    QString m_dbPath;
    std::unique_ptr<QProcess> m_proc;
    QUrl m_url;
    int m_demoCases = -1;
};
