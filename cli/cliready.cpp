// SPDX-License-Identifier: MIT
// `outpost ready [--hours N]`: ready to go offline? The app's Ready panel asks the same ReadyCheck.
#include "clicontext.h"
#include "localstore.h"
#include "readycheck.h"

namespace outpost::cli {

int cmdReady(Context &ctx)
{
    sync::ReadyOptions options;
    if (ctx.options.contains(QStringLiteral("hours"))) {
        bool ok = false;
        const int hours = ctx.options.value(QStringLiteral("hours")).toInt(&ok);
        if (!ok || hours < 0 || hours > 24 * 30)
            return usage(ctx, QStringLiteral("--hours takes a number of hours (0 to 720)"));
        options.offlineFor = std::chrono::hours(hours);
    }
    options.fullCheck = ctx.flags.contains(QStringLiteral("full"));
    Profile profile;
    auto store = openProfileStore(ctx, &profile);
    if (!store.ok())
        return fail(ctx, store.error());
    const sync::ReadyReport report = sync::ReadyCheck::run(*store.value(), QString(), options);
    if (ctx.json) {
        printJson(ctx, report.toJson());
    } else {
        const QList<sync::ReadyItem> reasons = report.reasons();
        ctx.out << (reasons.isEmpty() ? "Ready to go offline.\n" : "Not ready to go offline:\n");
        for (const sync::ReadyItem &i : reasons) {
            ctx.out << "  ✗ " << i.text << "\n";
            for (const QString &d : i.details)
                ctx.out << "      " << d << "\n";
        }
        if (!reasons.isEmpty())
            ctx.out << "Fine:\n";
        for (const sync::ReadyItem &i : report.items)
            if (i.ok)
                ctx.out << "  ✓ " << i.text << "\n";
    }
    return report.ready() ? ExitOk : ExitNotReady;
}

} // namespace outpost::cli
