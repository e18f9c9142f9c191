// SPDX-License-Identifier: MIT
// The rules engine over a fuzzed case type and fuzzed values, as server and client run it on an
// upload: {"type": <case type>, "current": {...}, "changed": {...}, "theirs": {...},
//  "status": "...", "action": "..."}. Field validation on create and update, flow-action
// preconditions, the three-way merge under the type's conflict policy, and how each value reads
// for people (formatFieldValue). Properties: merging without changes of one's own changes nothing
// and conflicts nowhere; a value is the same as itself.
#include "fuzzsupport.h"
#include "protocol/casetype.h"
#include "protocol/jsonreader.h"
#include "rules/fieldvalue.h"
#include "rules/merge.h"
#include "rules/rulesengine.h"

using namespace outpost;

OUTPOST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    auto obj = parseJsonObject(fuzz::bytes(data, size));
    if (!obj)
        return 0;
    auto type = CaseType::fromJson(obj->value(QLatin1String("type")).toObject());
    if (!type)
        return 0;
    const QJsonObject current = obj->value(QLatin1String("current")).toObject();
    const QJsonObject changed = obj->value(QLatin1String("changed")).toObject();
    const QJsonObject theirs = obj->value(QLatin1String("theirs")).toObject();
    const QString status = obj->value(QLatin1String("status")).toString();
    const QString action = obj->value(QLatin1String("action")).toString();
    const LookupCheck lookup = [](const QString &page, const QString &key) { return key.startsWith(page); };
    const LookupLabel label = [](const QString &page, const QString &key) { return page + key; };

    (void)RulesEngine::validateFields(*type, {}, changed, RulesEngine::Mode::Create, lookup);
    (void)RulesEngine::validateFields(*type, current, changed, RulesEngine::Mode::Update, lookup);
    QJsonObject after = current;
    for (auto it = changed.begin(); it != changed.end(); ++it)
        after.insert(it.key(), it.value());
    (void)RulesEngine::checkFlowAction(*type, status, after, action);
    (void)RulesEngine::flowActionsFrom(*type, status);

    for (const QJsonObject *values : { &current, &changed, &theirs }) {
        for (auto it = values->begin(); it != values->end(); ++it) {
            const FieldDef *field = type->field(it.key());
            (void)formatFieldValue(field, it.value(), label);
            (void)formatFieldValue(field, it.value());
            if (field)
                (void)RulesEngine::checkValue(*field, it.value(), lookup);
            if (!sameFieldValue(it.value(), it.value()))
                fuzz::fail("a value is not the same as itself");
        }
    }

    (void)mergeFields(current, changed, theirs, type->conflictPolicy);
    const MergeOutcome unchanged = mergeFields(current, current, theirs, type->conflictPolicy);
    if (!unchanged.conflicts.isEmpty() || !unchanged.toResend.isEmpty())
        fuzz::fail("a merge without local changes reports conflicts or work to resend");
    return 0;
}
