// SPDX-License-Identifier: MIT
#include "clirunner.h"

#include <QProcess>

namespace outpost::testing {

std::pair<int, QString> CliRunner::run(
    const QString &profile, const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(m_binary, QStringList { QStringLiteral("--profile"), profile } + args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    m_lastOut = p.readAllStandardOutput();
    return { p.exitCode(), QString::fromUtf8(m_lastOut + p.readAllStandardError()) };
}

std::pair<int, QString> CliRunner::signIn(const QString &profile, const QUrl &server, const QString &user)
{
    return run(profile,
        { QStringLiteral("signin"), QStringLiteral("--server"), server.toString(), QStringLiteral("--user"),
            user, QStringLiteral("--password-stdin") },
        user.toUtf8() + '\n');
}

} // namespace outpost::testing
