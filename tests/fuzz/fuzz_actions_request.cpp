// SPDX-License-Identifier: MIT
// The body of POST /sync/actions as outpostd reads it (parseJsonObject, as jsonBody does, then
// ActionProcessor::parseRequest), then every action it accepts through the rules engine against
// the demo case types, as validation before the database would run it. Properties: an accepted action survives its own
// JSON round trip unchanged.
#include "actionprocessor.h"
#include "demoseed.h"
#include "fuzzsupport.h"
#include "protocol/jsonreader.h"
#include "rules/rulesengine.h"

using namespace outpost;

OUTPOST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QList<CaseType> types = server::demoCaseTypes();
    auto body = parseJsonObject(fuzz::bytes(data, size)); // what jsonBody() does with the body
    if (!body)
        return 0;
    auto parsed = server::ActionProcessor::parseRequest(*body);
    if (!parsed)
        return 0;
    const LookupCheck lookup = [](const QString &, const QString &key) { return key.size() % 2 == 0; };
    for (const Action &a : parsed->actions) {
        auto again = Action::fromJson(a.toJson());
        if (!again || again->toJson() != a.toJson())
            fuzz::fail("an accepted action does not survive its JSON round trip");
        for (const CaseType &type : types) {
            if (a.type == ActionType::Create && a.caseType == type.name) {
                (void)RulesEngine::validateFields(type, {}, a.fields, RulesEngine::Mode::Create, lookup);
            } else if (a.type == ActionType::Update) {
                (void)RulesEngine::validateFields(
                    type, a.fields, a.fields, RulesEngine::Mode::Update, lookup);
            } else if (a.type == ActionType::Transition) {
                for (const QString &status : type.statuses)
                    (void)RulesEngine::checkFlowAction(type, status, {}, a.flowAction);
            } else if (a.type == ActionType::Note) {
                (void)RulesEngine::checkNoteText(a.text);
            }
            (void)RulesEngine::checkTitle(a.title);
        }
    }
    return 0;
}
