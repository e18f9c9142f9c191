// SPDX-License-Identifier: MIT
// FIELD=VALUE words of the headless CLI (`outpost case new|set ... FIELD=VALUE`), one a line, read
// against every demo case type (cli::parseFieldValues) and then checked offline by the rules
// engine as the CLI does before queueing. Property: a value the CLI accepted has the JSON type its
// field asks for, and reads for people (formatFieldValue).
#include "demoseed.h"
#include "fieldvalues.h"
#include "fuzzsupport.h"
#include "rules/fieldvalue.h"
#include "rules/rulesengine.h"

using namespace outpost;

OUTPOST_FUZZ_INIT()

namespace {

bool typeFits(FieldType type, const QJsonValue &v)
{
    if (v.isNull())
        return true;
    switch (type) {
    case FieldType::Number:
        return v.isDouble();
    case FieldType::Bool:
        return v.isBool();
    default:
        return v.isString();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const QList<CaseType> types = server::demoCaseTypes();
    const QStringList words = QString::fromUtf8(fuzz::bytes(data, size)).split(QLatin1Char('\n'));
    const LookupCheck lookup = [](const QString &, const QString &key) { return !key.isEmpty(); };
    for (const CaseType &type : types) {
        auto values = cli::parseFieldValues(type, words);
        if (!values)
            continue;
        for (auto it = values->begin(); it != values->end(); ++it) {
            const FieldDef *field = type.field(it.key());
            if (!field)
                fuzz::fail("the CLI accepted a field its case type does not have");
            if (!typeFits(field->type, it.value()))
                fuzz::fail("the CLI made a value of the wrong JSON type");
            (void)formatFieldValue(field, it.value());
        }
        (void)RulesEngine::validateFields(type, {}, *values, RulesEngine::Mode::Create, lookup);
        (void)RulesEngine::validateFields(type, *values, *values, RulesEngine::Mode::Update, lookup);
    }
    return 0;
}
