// SPDX-License-Identifier: MIT
#include "cli.h"

#include "clicontext.h"
#include "credentialstore.h"
#include "localstore.h"
#include "privatefiles.h"
#include "storekeys.h"
#include "storeunlock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>
#include <optional>

namespace outpost::cli {

namespace {

const QSet<QString> ValueOptions { QStringLiteral("profile"), QStringLiteral("server"),
    QStringLiteral("user"), QStringLiteral("title"), QStringLiteral("queue"), QStringLiteral("batch"),
    QStringLiteral("timeout"), QStringLiteral("type"), QStringLiteral("page"), QStringLiteral("status"),
    QStringLiteral("ca-bundle"), QStringLiteral("hours"), QStringLiteral("prefetch-mb") };
const QSet<QString> FlagOptions { QStringLiteral("json"), QStringLiteral("password-stdin"),
    QStringLiteral("all"), QStringLiteral("full"), QStringLiteral("help"),
    QStringLiteral("allow-insecure-http") };

const char UsageText[]
    = "usage: outpost [--json] [--profile DIR] COMMAND ...\n"
      "  signin --server URL --user U [--password-stdin] [--allow-insecure-http] [--ca-bundle FILE]\n"
      "  signout\n"
      "  sync [--full] [--batch N] [--page N] [--timeout SECONDS] [--prefetch-mb N]\n"
      "       (then the attachments of your cases onto this device, up to N MB, 1024 unless said; 0: none)\n"
      "  status\n"
      "  check\n"
      "  ready [--hours N] [--full]   ready to go offline? (exit 6 when not, with the reasons)\n"
      "  case list [--all] [--type T] [--status S]\n"
      "  case show ID\n"
      "  case create TYPE FIELD=VALUE... [--title T] [--queue Q]\n"
      "  case update ID FIELD=VALUE...\n"
      "  case transition ID FLOWACTION [FIELD=VALUE...]\n"
      "  case note ID TEXT\n"
      "  attachment save ID FILE   an attachment from this device's copy (works offline)\n"
      "  outbox\n"
      "  conflicts\n"
      "  export-diagnostics FILE   (also of a damaged store: what still reads)\n"
      "  recover   a damaged store's unsent work into a fresh store (the damaged file is kept)\n"
      "exit codes: 0 ok, 1 failure, 2 usage, 3 validation failed, 4 offline/unreachable, "
      "5 sign-in required, 6 not ready\n";

using Handler = int (*)(Context &);

std::optional<std::pair<Handler, int>> lookup(const QStringList &words)
{
    // Returns the handler and how many words name the command.
    const QString a = words.value(0);
    const QString b = words.value(1);
    if (a == QLatin1String("signin"))
        return std::make_pair(&cmdSignIn, 1);
    if (a == QLatin1String("signout"))
        return std::make_pair(&cmdSignOut, 1);
    if (a == QLatin1String("sync"))
        return std::make_pair(&cmdSync, 1);
    if (a == QLatin1String("status"))
        return std::make_pair(&cmdStatus, 1);
    if (a == QLatin1String("check"))
        return std::make_pair(&cmdCheck, 1);
    if (a == QLatin1String("ready"))
        return std::make_pair(&cmdReady, 1);
    if (a == QLatin1String("recover"))
        return std::make_pair(&cmdRecover, 1);
    if (a == QLatin1String("outbox"))
        return std::make_pair(&cmdOutbox, 1);
    if (a == QLatin1String("conflicts"))
        return std::make_pair(&cmdConflicts, 1);
    if (a == QLatin1String("export-diagnostics"))
        return std::make_pair(&cmdExportDiagnostics, 1);
    if (a == QLatin1String("attachment") && b == QLatin1String("save"))
        return std::make_pair(&cmdAttachmentSave, 2);
    if (a == QLatin1String("case")) {
        if (b == QLatin1String("list"))
            return std::make_pair(&cmdCaseList, 2);
        if (b == QLatin1String("show"))
            return std::make_pair(&cmdCaseShow, 2);
        if (b == QLatin1String("create"))
            return std::make_pair(&cmdCaseCreate, 2);
        if (b == QLatin1String("update"))
            return std::make_pair(&cmdCaseUpdate, 2);
        if (b == QLatin1String("transition"))
            return std::make_pair(&cmdCaseTransition, 2);
        if (b == QLatin1String("note"))
            return std::make_pair(&cmdCaseNote, 2);
    }
    return std::nullopt;
}

} // namespace

bool isCliCommand(const QString &word)
{
    static const QSet<QString> commands { QStringLiteral("signin"), QStringLiteral("signout"),
        QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("check"), QStringLiteral("ready"),
        QStringLiteral("recover"), QStringLiteral("case"), QStringLiteral("attachment"),
        QStringLiteral("outbox"), QStringLiteral("conflicts"), QStringLiteral("export-diagnostics"),
        QStringLiteral("--json"), QStringLiteral("--profile") };
    return commands.contains(word);
}

bool isCliInvocation(const QStringList &args)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--json"))
            return true;
        if (a.startsWith(QLatin1String("--"))) {
            if (!a.contains(QLatin1Char('=')) && ValueOptions.contains(a.mid(2)))
                ++i; // the option's value
            continue;
        }
        if (!a.startsWith(QLatin1Char('-')))
            return true;
    }
    return false;
}

int runCli(const QStringList &args)
{
    std::unique_ptr<QCoreApplication> ownApp;
    static int argc = 1;
    static char name[] = "outpost";
    static char *argv[] = { name, nullptr };
    // Whatever a command writes (settings, exports, the store's files) is for this user only.
    client::privatefiles::restrictNewFiles();
    if (!QCoreApplication::instance())
        ownApp = std::make_unique<QCoreApplication>(argc, argv);

    QTextStream out(stdout);
    QTextStream err(stderr);
    Context ctx { false, QString(), {}, {}, {}, out, err };

    QStringList words;
    bool endOfOptions = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &w = args.at(i);
        if (!endOfOptions && w == QLatin1String("--")) {
            endOfOptions = true;
            continue;
        }
        if (!endOfOptions && w.startsWith(QLatin1String("--"))) {
            QString name = w.mid(2);
            QString value;
            const qsizetype eq = name.indexOf(QLatin1Char('='));
            if (eq > 0) {
                value = name.mid(eq + 1);
                name = name.left(eq);
            }
            if (FlagOptions.contains(name)) {
                ctx.flags.insert(name);
            } else if (ValueOptions.contains(name)) {
                if (eq <= 0) {
                    if (i + 1 >= args.size())
                        return usage(ctx, QStringLiteral("--%1 needs a value").arg(name));
                    value = args.at(++i);
                }
                ctx.options.insert(name, value);
            } else {
                return usage(ctx, QStringLiteral("unknown option --%1").arg(name));
            }
            continue;
        }
        words << w;
    }
    ctx.json = ctx.flags.contains(QStringLiteral("json"));
    ctx.profileDir = ctx.options.value(QStringLiteral("profile"), client::StoreLocation::defaultProfileDir());
    if (ctx.flags.contains(QStringLiteral("help")) || words.isEmpty()) {
        out << UsageText;
        out.flush();
        return words.isEmpty() && !ctx.flags.contains(QStringLiteral("help")) ? ExitUsage : ExitOk;
    }
    const auto cmd = lookup(words);
    if (!cmd)
        return usage(ctx, QStringLiteral("unknown command: %1").arg(words.join(QLatin1Char(' '))));
    ctx.positional = words.mid(cmd->second);
    const int code = cmd->first(ctx);
    out.flush();
    err.flush();
    return code;
}

// ---- shared helpers ----

ExitCode exitCodeFor(const Error &e)
{
    const QString &c = e.code;
    if (c == QLatin1String("validation_failed") || c == QLatin1String("missing_fields")
        || c == QLatin1String("invalid_transition") || c == QLatin1String("unknown_case_type"))
        return ExitValidation;
    if (c == QLatin1String("unreachable") || c == QLatin1String("timeout"))
        return ExitOffline;
    if (c == QLatin1String("unauthenticated") || c == QLatin1String("signin_required")
        || c == QLatin1String("store_locked") || c == QLatin1String("device_wiped")
        || c == QLatin1String("device_retired"))
        return ExitSignInRequired;
    if (c == QLatin1String("usage"))
        return ExitUsage;
    return ExitFailure;
}

int fail(Context &ctx, const Error &e)
{
    if (ctx.json) {
        ctx.err << QJsonDocument(QJsonObject { { QStringLiteral("error"), e.toJson() } })
                       .toJson(QJsonDocument::Compact)
                << '\n';
    } else {
        ctx.err << "error: " << e.message << " [" << e.code << "]\n";
        for (auto it = e.fields.cbegin(); it != e.fields.cend(); ++it)
            ctx.err << "  " << it.key() << ": " << it.value() << '\n';
    }
    ctx.err.flush();
    return exitCodeFor(e);
}

int usage(Context &ctx, const QString &message)
{
    ctx.err << "outpost: " << message << "\n" << UsageText;
    ctx.err.flush();
    return ExitUsage;
}

void printJson(Context &ctx, const QJsonValue &v)
{
    if (v.isArray())
        ctx.out << QJsonDocument(v.toArray()).toJson(QJsonDocument::Indented);
    else
        ctx.out << QJsonDocument(v.toObject()).toJson(QJsonDocument::Indented);
    ctx.out.flush();
}

Result<Profile> loadProfile(const QString &profileDir)
{
    QFile f(QDir(profileDir).filePath(QStringLiteral("profile.json")));
    if (!f.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("signin_required"),
            QStringLiteral(
                "Nobody is signed in with this profile (%1). Run: outpost signin --server URL --user U")
                .arg(profileDir));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    Profile p;
    p.server = QUrl(o.value(QLatin1String("server")).toString());
    p.user = o.value(QLatin1String("user")).toString();
    p.storePath = o.value(QLatin1String("store")).toString();
    p.allowInsecureHttp = o.value(QLatin1String("allowInsecureHttp")).toBool();
    p.caBundle = o.value(QLatin1String("caBundle")).toString();
    if (!p.server.isValid() || p.user.isEmpty() || p.storePath.isEmpty())
        return Error(QStringLiteral("signin_required"),
            QStringLiteral("The profile file %1 is damaged; sign in again.").arg(f.fileName()));
    return p;
}

Status saveProfile(const QString &profileDir, const Profile &p)
{
    client::privatefiles::makeDir(profileDir);
    QSaveFile f(QDir(profileDir).filePath(QStringLiteral("profile.json")));
    if (!f.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("store_io"), f.errorString());
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QJsonObject o { { QStringLiteral("server"), p.server.toString() }, { QStringLiteral("user"), p.user },
        { QStringLiteral("store"), p.storePath } };
    if (p.allowInsecureHttp)
        o.insert(QStringLiteral("allowInsecureHttp"), true);
    if (!p.caBundle.isEmpty())
        o.insert(QStringLiteral("caBundle"), p.caBundle);
    f.write(QJsonDocument(o).toJson());
    if (!f.commit())
        return Error(QStringLiteral("store_io"), f.errorString());
    return Status::success();
}

Result<std::unique_ptr<client::LocalStore>> openProfileStore(const Context &ctx, Profile *profile)
{
    auto p = loadProfile(ctx.profileDir);
    if (!p.ok())
        return p.error();
    if (profile)
        *profile = p.value();
    if (auto st = unlockProfileStore(p.value()); !st.ok())
        return st.error();
    return client::LocalStore::open(p->storePath);
}

Status unlockProfileStore(const Profile &p)
{
    if (client::StoreKeys::has(p.storePath))
        return Status::success();
    sync::KeychainCredentialStore keychain;
    std::optional<Status> result;
    sync::unlockStore(&keychain, p.server, p.user, p.storePath, sync::StoreKeyMode::Existing, [&](Status s) {
        result = std::move(s);
        QCoreApplication::exit(0);
    });
    if (!result)
        QCoreApplication::exec();
    return result
        ? *result
        : Status(Error(QStringLiteral("store_locked"), QStringLiteral("no answer from the keychain")));
}

QString usageText()
{
    return QString::fromUtf8(UsageText);
}

} // namespace outpost::cli
