// SPDX-License-Identifier: MIT
#include "password.h"

#include <cstdio>
#include <optional>
#include <string>

#include <termios.h>
#include <unistd.h>

namespace outpost::cli {

namespace {

/// One line from stdin without its line end; nullopt at end of input.
std::optional<QString> readLine()
{
    std::string line;
    int c = 0;
    bool any = false;
    while ((c = std::fgetc(stdin)) != EOF) {
        any = true;
        if (c == '\n')
            break;
        line.push_back(char(c));
    }
    if (!any)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

std::optional<QString> prompt(const char *text)
{
    std::fputs(text, stderr);
    std::fflush(stderr);
    termios old {};
    const bool tty = tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    auto line = readLine();
    if (tty)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    std::fputs("\n", stderr);
    return line;
}

} // namespace

Result<QString> readNewPassword(bool fromStdin)
{
    const Error empty(QStringLiteral("usage"), QStringLiteral("the password must not be empty"));
    if (fromStdin) {
        const auto line = readLine();
        if (!line || line->isEmpty())
            return empty;
        return *line;
    }
    if (!isatty(STDIN_FILENO))
        return Error(QStringLiteral("usage"),
            QStringLiteral(
                "standard input is not a terminal: pass --password-stdin to read the password from it"));
    const auto first = prompt("Password: ");
    if (!first || first->isEmpty())
        return empty;
    const auto second = prompt("Repeat password: ");
    if (!second || *second != *first)
        return Error(QStringLiteral("usage"), QStringLiteral("the passwords do not match"));
    return *first;
}

} // namespace outpost::cli
