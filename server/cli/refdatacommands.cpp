// SPDX-License-Identifier: MIT
// `outpostd data-page import|export NAME FILE.csv`, `outpostd case-type put FILE.json`: the API's
// stores on the same database, the same checks, messages for a terminal.
#include "commands.h"
#include "logsetup.h"
#include "serviceoptions.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>

namespace outpost::cli {

namespace {

int fail(const QString &message, int code)
{
    std::fprintf(stderr, "outpostd: %s\n", qPrintable(message));
    return code;
}

/// Input errors (a bad name, a version that does not increase) are the caller's: exit 3.
int failWith(const Error &e)
{
    const bool input = e.code == QLatin1String("bad_request") || e.code == QLatin1String("not_found")
        || e.code == QLatin1String("conflict");
    return fail(e.toString(), input ? ExitInvalid : ExitFailure);
}

Result<QByteArray> readInput(const QString &path, qint64 maxBytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error(
            QStringLiteral("usage"), QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    if (f.size() > maxBytes)
        return Error(QStringLiteral("usage"),
            QStringLiteral("%1 is larger than %2 MiB, the most outpostd takes")
                .arg(path)
                .arg(maxBytes >> 20));
    return f.readAll();
}

int importPage(server::Service &service, const Invocation &inv, qint64 maxBytes)
{
    auto bytes = readInput(inv.file, maxBytes);
    if (!bytes)
        return fail(bytes.error().message, ExitUsage);
    auto report = service.importDataPage(inv.dataPage, bytes.value(), inv.dryRun);
    if (!report)
        return failWith(report.error());
    const server::DataPageStore::ImportReport &r = report.value();
    if (r.errorCount > 0) {
        for (const server::csv::Problem &p : r.errors) {
            const QString where = p.column > 0
                ? QStringLiteral("%1:%2:%3").arg(inv.file).arg(p.line).arg(p.column)
                : QStringLiteral("%1:%2").arg(inv.file).arg(p.line);
            std::fprintf(stderr, "%s: %s\n", qPrintable(where), qPrintable(p.message));
        }
        if (r.errorCount > r.errors.size())
            std::fprintf(stderr, "… and %d more\n", int(r.errorCount - r.errors.size()));
        return fail(QStringLiteral("%1 problem(s) in %2; data page '%3' unchanged")
                        .arg(r.errorCount)
                        .arg(inv.file, inv.dataPage),
            ExitInvalid);
    }
    std::printf("data page %s: %d row%s %s (%d added, %d changed, %d removed, %d unchanged)\n",
        qPrintable(inv.dataPage), r.rows, r.rows == 1 ? "" : "s",
        r.imported ? "imported" : "checked, nothing changed", r.added, r.changed, r.removed, r.unchanged);
    return ExitOk;
}

int exportPage(server::Service &service, const Invocation &inv)
{
    auto csv = service.exportDataPage(inv.dataPage);
    if (!csv)
        return failWith(csv.error());
    if (inv.file == QLatin1String("-")) {
        std::fwrite(csv.value().constData(), 1, size_t(csv.value().size()), stdout);
        std::fflush(stdout);
        return ExitOk;
    }
    QSaveFile f(inv.file);
    if (!f.open(QIODevice::WriteOnly) || f.write(csv.value()) != csv.value().size() || !f.commit())
        return fail(QStringLiteral("cannot write %1: %2").arg(inv.file, f.errorString()), ExitFailure);
    std::printf("data page %s: %lld rows written to %s\n", qPrintable(inv.dataPage),
        static_cast<long long>(csv.value().count('\n') - 1), qPrintable(inv.file));
    return ExitOk;
}

int putCaseType(server::Service &service, const Invocation &inv, qint64 maxBytes)
{
    auto bytes = readInput(inv.file, maxBytes);
    if (!bytes)
        return fail(bytes.error().message, ExitUsage);
    bool published = false;
    auto check = service.putCaseType(bytes.value(), inv.dryRun, &published);
    if (!check)
        return failWith(check.error());
    const server::CaseTypeStore::Check &c = check.value();
    for (const server::CaseTypeStore::Problem &p : c.errors)
        std::fprintf(stderr, "%s: %s%s\n", qPrintable(inv.file),
            p.path.isEmpty() ? "" : qPrintable(p.path + QStringLiteral(": ")), qPrintable(p.message));
    if (!c.valid())
        return fail(QStringLiteral("case type in %1 refused; nothing changed").arg(inv.file), ExitInvalid);
    const QString verdict = c.verdict == QLatin1String("new") ? QStringLiteral("new")
        : c.verdict == QLatin1String("compatible")
        ? QStringLiteral("a compatible upgrade")
        : QStringLiteral("an upgrade that makes every device sync fully");
    std::printf("case type %s version %d: %s%s\n", qPrintable(c.type->name), c.type->version,
        qPrintable(verdict),
        c.reasons.isEmpty()
            ? ""
            : qPrintable(QStringLiteral(" (") + c.reasons.join(QStringLiteral("; ")) + QLatin1Char(')')));
    std::printf("%s\n", published ? "published" : "checked, nothing changed");
    return ExitOk;
}

} // namespace

int runRefDataCommand(const Invocation &inv)
{
    const server::ServiceOptions so = serviceOptions(inv.options);
    auto opened = server::Service::open(so);
    if (!opened) {
        std::fprintf(stderr, "outpostd: cannot open the database %s: %s\n",
            qPrintable(redactedDbUrl(so.dbUrl)), qPrintable(opened.error().toString()));
        return opened.error().code == QLatin1String("bad_config") ? ExitUsage : ExitFailure;
    }
    server::Service &service = *opened.value();
    switch (inv.command) {
    case Command::DataPageImport:
        return importPage(service, inv, so.maxCsvBytes);
    case Command::DataPageExport:
        return exportPage(service, inv);
    default:
        return putCaseType(service, inv, so.maxJsonBytes);
    }
}

} // namespace outpost::cli
