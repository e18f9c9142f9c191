// SPDX-License-Identifier: MIT
// Parsing `outpostd data-page import|export NAME FILE.csv` and `outpostd case-type put FILE.json`.
#include "commonoptions.h"

namespace outpost::cli {

namespace {
Error usage(const QString &message)
{
    return Error(QStringLiteral("usage"), message);
}

struct Shape {
    Command command;
    QString usage; // after "outpostd "
    QString description;
    QStringList positional; // names
};

Result<Shape> shapeOf(const QString &group, const QString &sub)
{
    if (group == QLatin1String("data-page")) {
        if (sub == QLatin1String("import"))
            return Shape { Command::DataPageImport,
                QStringLiteral("data-page import [options] NAME FILE.csv"),
                QStringLiteral(
                    "Replace a data page with the rows of a CSV file (UTF-8, a header row: key, label, "
                    "then the rows' other columns). Every row is checked first; one bad row and nothing "
                    "is imported. Devices receive the changed rows at their next sync."),
                { QStringLiteral("NAME"), QStringLiteral("FILE.csv") } };
        if (sub == QLatin1String("export"))
            return Shape { Command::DataPageExport,
                QStringLiteral("data-page export [options] NAME FILE.csv"),
                QStringLiteral(
                    "Write a data page as CSV (UTF-8, a header row, rows in key order); FILE '-' is "
                    "standard output."),
                { QStringLiteral("NAME"), QStringLiteral("FILE.csv") } };
        return usage(sub.isEmpty()
                ? QStringLiteral("'data-page' needs a subcommand: import or export")
                : QStringLiteral("unknown data-page subcommand '%1' (import, export)").arg(sub));
    }
    if (sub == QLatin1String("put"))
        return Shape { Command::CaseTypePut, QStringLiteral("case-type put [options] FILE.json"),
            QStringLiteral(
                "Publish a case type (a new one, or a higher version of one). It is checked as "
                "PUT /api/v1/admin/case-types/{name} checks it; the verdict says whether it is new, a "
                "compatible upgrade, or one that makes every device sync fully."),
            { QStringLiteral("FILE.json") } };
    return usage(sub.isEmpty() ? QStringLiteral("'case-type' needs a subcommand: put")
                               : QStringLiteral("unknown case-type subcommand '%1' (put)").arg(sub));
}
} // namespace

Result<Invocation> parseRefDataCommand(const QStringList &arguments)
{
    const QString program = arguments.value(0);
    const QString group = arguments.value(1);
    const QString sub = arguments.value(2);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        Invocation help;
        help.command = Command::Help;
        help.helpText = group == QLatin1String("data-page")
            ? QStringLiteral(
                "Usage: outpostd data-page import|export [options] NAME FILE.csv\n"
                "  import  replace a data page with a CSV file's rows (all or nothing; --dry-run)\n"
                "  export  write a data page as CSV\n"
                "See 'outpostd data-page import --help'.\n")
            : QStringLiteral("Usage: outpostd case-type put [options] FILE.json\n"
                             "  put  publish a case type, or with --check only say what publishing would do\n"
                             "See 'outpostd case-type put --help'.\n");
        return help;
    }
    auto shape = shapeOf(group, sub);
    if (!shape)
        return shape.error();
    Invocation inv;
    inv.command = shape.value().command;
    QCommandLineParser p;
    p.setApplicationDescription(shape.value().description);
    CommonOptions common;
    common.addTo(p);
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
        QStringLiteral("Check the file and show what would change; change nothing."));
    const QCommandLineOption check(QStringLiteral("check"),
        QStringLiteral("Check the case type and print the verdict; change nothing."));
    if (inv.command == Command::DataPageImport)
        p.addOption(dryRun);
    if (inv.command == Command::CaseTypePut)
        p.addOption(check);
    for (const QString &name : shape.value().positional)
        p.addPositionalArgument(name,
            name == QLatin1String("NAME")
                ? QStringLiteral("The data page's name (as case types' lookup fields name it).")
                : QStringLiteral("The file."));
    QStringList args = arguments.mid(3);
    args.prepend(program + QLatin1Char(' ') + group + QLatin1Char(' ') + sub);
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.isSet(common.help)) {
        inv.helpText = helpWithUsage(p, QStringLiteral("outpostd ") + shape.value().usage);
        inv.command = Command::Help;
        return inv;
    }
    if (Status s = common.apply(p, &inv.options); !s)
        return s.error();
    const QStringList pos = p.positionalArguments();
    if (pos.size() != shape.value().positional.size() || pos.contains(QString()))
        return usage(QStringLiteral("usage: outpostd %1").arg(shape.value().usage));
    if (inv.command == Command::CaseTypePut) {
        inv.file = pos.at(0);
        inv.dryRun = p.isSet(check);
    } else {
        inv.dataPage = pos.at(0);
        inv.file = pos.at(1);
        inv.dryRun = inv.command == Command::DataPageImport && p.isSet(dryRun);
    }
    return inv;
}

} // namespace outpost::cli
