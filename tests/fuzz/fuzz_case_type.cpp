// SPDX-License-Identifier: MIT
// A case type as outpostd reads one (PUT /case-types, `outpostd case-type put`) and clients read
// it from a change page: CaseType::fromJson. Properties: an accepted type survives its JSON round
// trip unchanged, is a compatible upgrade of itself, and every label lookup answers.
#include "fuzzsupport.h"
#include "protocol/casetype.h"
#include "protocol/jsonreader.h"
#include "rules/caselabels.h"
#include "rules/rulesengine.h"

using namespace outpost;

OUTPOST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto obj = parseJsonObject(fuzz::bytes(data, size));
    if (!obj)
        return 0;
    auto type = CaseType::fromJson(*obj);
    if (!type)
        return 0;
    const QJsonObject json = type->toJson();
    auto again = CaseType::fromJson(json);
    if (!again)
        fuzz::fail("an accepted case type is refused after its own JSON round trip");
    if (again->toJson() != json)
        fuzz::fail("a case type changes in its JSON round trip");
    if (!RulesEngine::isCompatibleUpgrade(*type, *again))
        fuzz::fail("a case type is not a compatible upgrade of itself");
    for (const QString &lang : { QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr-CA") }) {
        (void)type->titleText(lang);
        (void)localizedCaseType(*type, lang);
        for (const FieldDef &f : type->fields) {
            (void)type->fieldLabel(f.name, lang);
            (void)type->fieldHelp(f.name, lang);
            for (const QString &c : f.choices)
                (void)type->choiceLabel(f.name, c, lang);
        }
        for (const QString &s : type->statuses) {
            (void)type->statusLabel(s, lang);
            (void)humanizeStatus(s);
            (void)RulesEngine::flowActionsFrom(*type, s);
        }
        for (const FlowAction &a : type->flowActions)
            (void)type->actionLabel(a.name, lang);
    }
    return 0;
}
