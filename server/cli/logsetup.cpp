// SPDX-License-Identifier: MIT
#include "logsetup.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QMutex>

#include <cstdio>

Q_LOGGING_CATEGORY(lcMain, "outpost.server.main")

namespace outpost::cli {

namespace {

QMutex g_logMutex;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QByteArray time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
    const char *category = context.category && *context.category ? context.category : "default";
    // One line per record: embedded newlines would split a record into several.
    QString text = message;
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    const QByteArray line = time + ' ' + levelName(type) + ' ' + category + ' ' + text.toUtf8() + '\n';
    QMutexLocker lock(&g_logMutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

} // namespace

void installLogHandler(const QString &level)
{
    QString rules;
    if (level == QLatin1String("info"))
        rules = QStringLiteral("*.debug=false");
    else if (level == QLatin1String("warning"))
        rules = QStringLiteral("*.debug=false\n*.info=false");
    else if (level == QLatin1String("error"))
        rules = QStringLiteral("*.debug=false\n*.info=false\n*.warning=false");
    else
        rules = QStringLiteral("*.debug=true\nqt.*.debug=false");
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(handler);
}

} // namespace outpost::cli
