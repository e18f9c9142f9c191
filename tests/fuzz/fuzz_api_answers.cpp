// SPDX-License-Identifier: MIT
// Everything the client reads from outpostd's answers (sync::parse): session, health, change
// page, upload results, attachment, case, history, device orders, and the error body of a
// failed request. The upload results are read against the actions they answer: the ids the body
// names (so the reader gets past "N results for M actions"), and once against one action fewer.
#include "apitypes.h"
#include "fuzzsupport.h"
#include "protocol/jsonreader.h"

#include <QJsonArray>

using namespace outpost;

OUTPOST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    (void)sync::parse::session(body);
    (void)sync::parse::health(body);
    (void)sync::parse::changesPage(body);
    (void)sync::parse::uploadedAttachment(body);
    (void)sync::parse::caseRecord(body);
    (void)sync::parse::history(body);
    (void)sync::parse::deviceOrders(body);
    for (const int status : { 400, 401, 403, 404, 409, 410, 413, 429, 500, 503 }) {
        (void)sync::parse::httpError(status, body, false);
        (void)sync::parse::httpError(status, body, true);
    }

    QList<Action> sent;
    if (auto obj = parseJsonObject(body)) {
        const QJsonArray results = obj->value(QLatin1String("results")).toArray();
        for (qsizetype i = 0; i < results.size() && i < 500; ++i) {
            Action a;
            a.id = results.at(i).toObject().value(QLatin1String("id")).toString();
            sent.append(a);
        }
    }
    if (auto res = sync::parse::uploadResults(body, sent)) {
        for (const ActionResult &r : *res) {
            (void)r.toJson();
            if (!sync::parse::isAttachmentId(r.caseId))
                (void)sync::parse::isAttachmentId(r.id);
        }
    }
    if (!sent.isEmpty()) {
        sent.removeLast();
        if (sync::parse::uploadResults(body, sent))
            fuzz::fail("upload results accepted for a different number of actions");
    }
    return 0;
}
