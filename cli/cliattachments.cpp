// SPDX-License-Identifier: MIT
// `outpost attachment save ID FILE`: a case's attachment from the device's own copy, offline.
#include "clicontext.h"
#include "localstore.h"
#include "sealedfile.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

namespace outpost::cli {

int cmdAttachmentSave(Context &ctx)
{
    if (ctx.positional.size() != 2)
        return usage(ctx, QStringLiteral("attachment save needs an ID and a FILE"));
    const QString id = ctx.positional.at(0);
    const QString target = ctx.positional.at(1);
    auto store = openProfileStore(ctx);
    if (!store.ok())
        return fail(ctx, store.error());
    // The copy beside the store (attached here) or in the cache (opened or prefetched): sealed with
    // the store's key, opened here and written out in the clear where the user asked.
    const QString copy = (*store)->reads().attachmentCopy(id);
    if (copy.isEmpty())
        return fail(ctx,
            Error(QStringLiteral("not_found"),
                QStringLiteral("Attachment %1 is not on this device (outpost sync fetches the attachments "
                               "of your cases).")
                    .arg(id)));
    const Result<QByteArray> plain = client::sealedfile::isSealed(copy)
        ? client::sealedfile::read((*store)->path(), copy)
        : Error(QStringLiteral("store_damaged"), QStringLiteral("The copy of %1 is not sealed.").arg(id));
    if (!plain.ok())
        return fail(ctx, plain.error());
    QSaveFile out(target);
    if (!out.open(QIODevice::WriteOnly) || out.write(plain.value()) != plain.value().size() || !out.commit())
        return fail(ctx,
            Error(QStringLiteral("io_error"),
                QStringLiteral("Cannot write %1: %2").arg(target, out.errorString())));
    if (ctx.json)
        printJson(ctx,
            QJsonObject { { QStringLiteral("id"), id },
                { QStringLiteral("file"), QFileInfo(target).absoluteFilePath() },
                { QStringLiteral("size"), plain.value().size() } });
    else
        ctx.out << "saved " << id << " to " << target << " (" << plain.value().size() << " bytes)\n";
    return ExitOk;
}

} // namespace outpost::cli
