// SPDX-License-Identifier: MIT
// A change page (GET /sync/changes) as the client reads it (sync::parse::changesPage), and each
// change's data as the client's store reads it before writing it (ServerPages: CaseType,
// CaseRecord, Assignment, DataPageRow ::fromJson).
#include "apitypes.h"
#include "fuzzsupport.h"
#include "protocol/caserecord.h"
#include "protocol/casetype.h"
#include "protocol/change.h"

using namespace outpost;

OUTPOST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto page = sync::parse::changesPage(fuzz::bytes(data, size));
    if (!page)
        return 0;
    for (const Change &c : page->changes) {
        if (c.remove)
            continue;
        const QString path = QStringLiteral("data");
        switch (c.kind) {
        case ChangeKind::CaseType:
            if (auto type = CaseType::fromJson(c.data, path))
                (void)type->toJson();
            break;
        case ChangeKind::Case:
            if (auto rec = CaseRecord::fromJson(c.data, path))
                (void)rec->toJson();
            break;
        case ChangeKind::Assignment:
            (void)Assignment::fromJson(c.data, path);
            break;
        case ChangeKind::DataPage:
            (void)DataPageRow::fromJson(c.data, path);
            break;
        case ChangeKind::History: // kept as sent; the store reads it leniently
            (void)c.data.value(QLatin1String("caseId")).toString();
            break;
        }
    }
    return 0;
}
