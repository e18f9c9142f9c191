// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>

namespace outpost::testing {

/// The headless `outpost` CLI as a child process, run as a script would run it: `--profile PROFILE`
/// first, standard input written and closed, up to two minutes. Each run answers its exit code and
/// its standard output followed by its standard error; lastOut() keeps the standard output of the
/// last run alone (for `--json`).
class CliRunner
{
public:
    explicit CliRunner(QString binary)
        : m_binary(std::move(binary))
    { }

    std::pair<int, QString> run(
        const QString &profile, const QStringList &args, const QByteArray &input = {});
    /// `signin` at `server` as `user`, whose password is the user's name (the demo's users).
    std::pair<int, QString> signIn(const QString &profile, const QUrl &server, const QString &user);
    const QByteArray &lastOut() const { return m_lastOut; }

private:
    QString m_binary;
    QByteArray m_lastOut;
};

} // namespace outpost::testing
