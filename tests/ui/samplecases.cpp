// SPDX-License-Identifier: MIT
#include "samplecases.h"

#include "rules/rulesengine.h"
#include "worklistroles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardItemModel>
#include <QUuid>

#include <algorithm>

namespace outpost::ui {

namespace {
// Test data stays out of the catalogs (translations/update.sh reads the product's sources only).
// What the product's own host and worklist model say is translated in their contexts, so the
// German screenshot reads like the German app.
QString hostText(const char *source)
{
    return QCoreApplication::translate("outpost::ui::StoreCaseHost", source);
}

QString columnTitle(const char *source)
{
    return QCoreApplication::translate("outpost::ui::StoreWorklistModel", source);
}

CaseRecord sampleCase(const QString &id, const QString &title, const QString &status, const QString &queue,
    const QString &updated, const QJsonObject &fields)
{
    CaseRecord r;
    r.id = id;
    r.caseType = QStringLiteral("inspection");
    r.caseTypeVersion = 3;
    r.status = status;
    r.title = title;
    r.assignee = queue.isEmpty() ? QStringLiteral("alice") : QString();
    r.queue = queue;
    r.createdAt = updated;
    r.updatedAt = updated;
    r.etag = QStringLiteral("\"1\"");
    r.fields = fields;
    return r;
}
} // namespace

CaseType SampleCaseHost::inspectionType()
{
    const QByteArray json = R"json({"name": "inspection", "version": 3, "title": "Site inspection",
 "statuses": ["New", "InProgress", "Resolved-Completed", "Resolved-Withdrawn"],
 "fields": [
   {"name": "site", "label": "Site", "type": "lookup", "dataPage": "sites", "required": true},
   {"name": "readingKw", "label": "Meter reading (kW)", "type": "number", "min": 0, "max": 100000},
   {"name": "visitDate", "label": "Visit date", "type": "date", "required": true},
   {"name": "arrivedAt", "label": "Arrived at", "type": "datetime"},
   {"name": "priority", "label": "Priority", "type": "choice", "choices": ["low", "normal", "high"]},
   {"name": "passed", "label": "Passed", "type": "bool"},
   {"name": "contact", "label": "Contact on site", "type": "text", "maxLength": 80},
   {"name": "summary", "label": "Summary", "type": "text", "maxLength": 2000}],
 "flowActions": [
   {"name": "start", "label": "Start work", "from": ["New"], "to": "InProgress"},
   {"name": "complete", "label": "Complete", "from": ["InProgress"], "to": "Resolved-Completed",
    "requires": ["readingKw", "passed"]},
   {"name": "withdraw", "label": "Withdraw", "from": ["New", "InProgress"], "to": "Resolved-Withdrawn"}],
 "conflictPolicy": {"default": "merge", "fields": {"readingKw": "serverWins"}}})json";
    const Result<CaseType> t = CaseType::fromJson(QJsonDocument::fromJson(json).object());
    return t ? *t : CaseType {};
}

SampleCaseHost::SampleCaseHost(bool withSamples)
{
    if (!withSamples)
        return;
    addCaseType(inspectionType());
    const QList<std::pair<QString, QString>> sites
        = { { QStringLiteral("S-007"), QStringLiteral("Substation 7, Riverside") },
              { QStringLiteral("S-012"), QStringLiteral("Pumping station North") },
              { QStringLiteral("S-019"), QStringLiteral("Wind farm Hollow Ridge") },
              { QStringLiteral("S-023"), QStringLiteral("Substation 23, Old Mill Road") },
              { QStringLiteral("S-031"), QStringLiteral("Water tower East") } };
    for (const auto &s : sites)
        m_lookup.addRow(QStringLiteral("sites"), s.first, s.second);
    const auto obj = [](std::initializer_list<std::pair<QString, QJsonValue>> l) {
        QJsonObject o;
        for (const auto &p : l)
            o.insert(p.first, p.second);
        return o;
    };
    putCase(sampleCase(QStringLiteral("C-10042"), QStringLiteral("Inspect substation 7"),
        QStringLiteral("New"), {}, QStringLiteral("2026-11-23T08:10:00Z"),
        obj({ { QStringLiteral("site"), QStringLiteral("S-007") },
            { QStringLiteral("visitDate"), QStringLiteral("2026-11-30") },
            { QStringLiteral("priority"), QStringLiteral("high") },
            { QStringLiteral("contact"), QStringLiteral("M. Keller, +49 30 1234 567") } })));
    putCase(sampleCase(QStringLiteral("C-10043"), QStringLiteral("Quarterly check, pumping station"),
        QStringLiteral("InProgress"), {}, QStringLiteral("2026-11-22T15:42:00Z"),
        obj({ { QStringLiteral("site"), QStringLiteral("S-012") },
            { QStringLiteral("visitDate"), QStringLiteral("2026-11-24") },
            { QStringLiteral("arrivedAt"), QStringLiteral("2026-11-22T14:05:00Z") },
            { QStringLiteral("readingKw"), 4210 },
            { QStringLiteral("priority"), QStringLiteral("normal") } })));
    putCase(sampleCase(QStringLiteral("C-10051"), QStringLiteral("Turbine 3 vibration alarm"),
        QStringLiteral("New"), QStringLiteral("north"), QStringLiteral("2026-11-23T07:55:00Z"),
        obj({ { QStringLiteral("site"), QStringLiteral("S-019") },
            { QStringLiteral("visitDate"), QStringLiteral("2026-11-25") },
            { QStringLiteral("priority"), QStringLiteral("high") } })));
    putCase(sampleCase(QStringLiteral("C-10058"), QStringLiteral("Replace meter, Old Mill Road"),
        QStringLiteral("InProgress"), {}, QStringLiteral("2026-11-21T11:20:00Z"),
        obj({ { QStringLiteral("site"), QStringLiteral("S-023") },
            { QStringLiteral("visitDate"), QStringLiteral("2026-11-21") },
            { QStringLiteral("readingKw"), 880 }, { QStringLiteral("passed"), false } })));
    putCase(sampleCase(QStringLiteral("C-10060"), QStringLiteral("Leak report, water tower"),
        QStringLiteral("New"), QStringLiteral("east"), QStringLiteral("2026-11-20T09:00:00Z"),
        obj({ { QStringLiteral("site"), QStringLiteral("S-031") },
            { QStringLiteral("visitDate"), QStringLiteral("2026-11-27") },
            { QStringLiteral("priority"), QStringLiteral("low") } })));
}

Result<CaseRecord> SampleCaseHost::caseRecord(const QString &caseId) const
{
    const auto it = m_cases.constFind(caseId);
    if (it == m_cases.constEnd())
        return Error(QStringLiteral("not_found"), hostText("Case %1 does not exist.").arg(caseId));
    return *it;
}

Result<CaseType> SampleCaseHost::caseType(const QString &name) const
{
    const auto it = m_types.constFind(name);
    if (it == m_types.constEnd())
        return Error(QStringLiteral("not_found"), hostText("Case type %1 is not known.").arg(name));
    return *it;
}

Result<QString> SampleCaseHost::createCase(const QString &caseType, const QJsonObject &fields)
{
    const auto type = m_types.constFind(caseType);
    if (type == m_types.constEnd())
        return Error(QStringLiteral("not_found"), hostText("Case type %1 is not known.").arg(caseType));
    const auto errors = RulesEngine::validateFields(*type, {}, fields, RulesEngine::Mode::Create,
        [this](const QString &page, const QString &key) { return m_lookup.contains(page, key); });
    if (!errors.isEmpty())
        return Error(
            QStringLiteral("validation_failed"), QStringLiteral("Some fields are not valid."), errors);
    CaseRecord r;
    r.id = QStringLiteral("tmp-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.caseType = type->name;
    r.caseTypeVersion = type->version;
    r.status = type->initialStatus();
    r.title = type->title;
    r.createdAt = r.updatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    r.fields = fields;
    putCase(r);
    ++m_saved;
    return r.id;
}

Status SampleCaseHost::saveFields(const QString &caseId, const QString &baseEtag, const QJsonObject &changed)
{
    Q_UNUSED(baseEtag)
    auto it = m_cases.find(caseId);
    if (it == m_cases.end())
        return Error(QStringLiteral("not_found"), hostText("Case %1 does not exist.").arg(caseId));
    const CaseType type = m_types.value(it->caseType);
    const auto errors = RulesEngine::validateFields(type, it->fields, changed, RulesEngine::Mode::Update,
        [this](const QString &page, const QString &key) { return m_lookup.contains(page, key); });
    if (!errors.isEmpty())
        return Error(
            QStringLiteral("validation_failed"), QStringLiteral("Some fields are not valid."), errors);
    for (auto c = changed.begin(); c != changed.end(); ++c)
        it->fields.insert(c.key(), c.value());
    it->updatedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    ++m_saved;
    return Status::success();
}

Status SampleCaseHost::runFlowAction(
    const QString &caseId, const QString &baseEtag, const QString &action, const QJsonObject &changed)
{
    auto it = m_cases.find(caseId);
    if (it == m_cases.end())
        return Error(QStringLiteral("not_found"), hostText("Case %1 does not exist.").arg(caseId));
    const CaseType type = m_types.value(it->caseType);
    QJsonObject fields = it->fields;
    for (auto c = changed.begin(); c != changed.end(); ++c)
        fields.insert(c.key(), c.value());
    const Status st = RulesEngine::checkFlowAction(type, it->status, fields, action);
    if (!st)
        return st;
    if (!changed.isEmpty()) {
        const Status saved = saveFields(caseId, baseEtag, changed);
        if (!saved)
            return saved;
    }
    it->status = type.flowAction(action)->to;
    return Status::success();
}

QStandardItemModel *createWorklistModel(
    const QList<CaseRecord> &cases, const QHash<QString, QString> &typeTitles, QObject *parent)
{
    auto *model = new QStandardItemModel(0, 6, parent);
    model->setHorizontalHeaderLabels({ columnTitle("Case"), columnTitle("Title"), columnTitle("Type"),
        columnTitle("Status"), columnTitle("Queue"), columnTitle("Updated") });
    QList<CaseRecord> ordered = cases;
    std::stable_sort(ordered.begin(), ordered.end(),
        [](const CaseRecord &a, const CaseRecord &b) { return a.updatedAt > b.updatedAt; });
    for (const CaseRecord &c : std::as_const(ordered)) {
        const QDateTime updated = QDateTime::fromString(c.updatedAt, Qt::ISODate);
        auto *id = new QStandardItem(c.id);
        id->setData(c.id, CaseIdRole);
        id->setData(c.caseType, CaseTypeRole);
        id->setData(typeTitles.value(c.caseType, c.caseType), CaseTypeTitleRole);
        id->setData(c.status, StatusRole);
        id->setData(c.queue, QueueRole);
        id->setData(c.assignee, AssigneeRole);
        id->setData(c.title, TitleRole);
        id->setData(updated, UpdatedAtRole);
        id->setData(0, PendingCountRole);
        id->setData(false, HasConflictRole);
        id->setData(false, HasSyncIssueRole);
        QStringList search;
        for (auto f = c.fields.begin(); f != c.fields.end(); ++f)
            if (f.value().isString())
                search << f.value().toString();
        id->setData(search.join(QLatin1Char(' ')), SearchTextRole);
        auto *when = new QStandardItem(updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        model->appendRow(
            { id, new QStandardItem(c.title), new QStandardItem(typeTitles.value(c.caseType, c.caseType)),
                new QStandardItem(c.status), new QStandardItem(c.queue), when });
    }
    return model;
}

} // namespace outpost::ui
