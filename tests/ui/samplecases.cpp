// SPDX-License-Identifier: MIT
#include "samplecases.h"

#include "rules/rulesengine.h"
#include "worklistroles.h"
#include "worklisttexts.h"

#include <QCoreApplication>
#include <QCryptographicHash>
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

Status SampleCaseHost::saveFields(
    const QString &caseId, const QString &baseEtag, const QJsonObject &changed, const QList<FormFile> &files)
{
    Q_UNUSED(baseEtag)
    for (const FormFile &f : files)
        m_files.insert(
            QString::fromLatin1(QCryptographicHash::hash(f.bytes, QCryptographicHash::Sha256).toHex()),
            f.bytes);
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

QByteArray SampleCaseHost::attachmentBytes(const QString &caseId, const QString &sha256) const
{
    Q_UNUSED(caseId)
    return m_files.value(sha256);
}

Status SampleCaseHost::runFlowAction(const QString &caseId, const QString &baseEtag, const QString &action,
    const QJsonObject &changed, const QList<FormFile> &files)
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
        const Status saved = saveFields(caseId, baseEtag, changed, files);
        if (!saved)
            return saved;
    }
    it->status = type.flowAction(action)->to;
    return Status::success();
}

QList<Assignment> SampleCaseHost::sampleAssignments(const QDateTime &now)
{
    const QDateTime local = now.toLocalTime();
    const auto at = [&local](int days, int hour) {
        return QDateTime(local.date().addDays(days), QTime(hour, 0)).toUTC().toString(Qt::ISODate);
    };
    const auto make = [](const QString &caseId, const QString &assignee, const QString &queue,
                          const QString &dueAt, const QString &instructions) {
        Assignment a;
        a.id = QStringLiteral("A-") + caseId;
        a.caseId = caseId;
        a.assignee = assignee;
        a.queue = queue;
        a.dueAt = dueAt;
        a.instructions = instructions;
        return a;
    };
    const QString alice = QStringLiteral("alice");
    return {
        make(QStringLiteral("C-10042"), alice, QStringLiteral("north"), at(0, 17),
            QStringLiteral("Call M. Keller before arriving; the gate code changed.")),
        make(QStringLiteral("C-10043"), alice, QStringLiteral("north"), at(-1, 17),
            QStringLiteral("Bring the calibrated meter; the last reading looked off.")),
        make(QStringLiteral("C-10058"), alice, QStringLiteral("north"), at(3, 12),
            QStringLiteral("Replacement meter is in the van; photograph the old seal.")),
        make(QStringLiteral("C-10051"), QString(), QStringLiteral("north"), at(1, 9),
            QStringLiteral("Stop the turbine from the control room first.")),
        make(QStringLiteral("C-10060"), QString(), QStringLiteral("east"), at(-2, 12),
            QStringLiteral("Ask the caretaker for the tower key.")),
    };
}

QStandardItemModel *createWorklistModel(const QList<CaseRecord> &cases,
    const QHash<QString, QString> &typeTitles, QObject *parent, const QList<Assignment> &assignments,
    const LookupSource *sites, const QString &me)
{
    const QStringList titles = { columnTitle("Case"), columnTitle("Title"), columnTitle("Due"),
        columnTitle("Priority"), columnTitle("Status"), columnTitle("Site"), columnTitle("Assigned to"),
        columnTitle("Type"), columnTitle("Updated") };
    auto *model = new QStandardItemModel(0, int(titles.size()), parent);
    model->setHorizontalHeaderLabels(titles);
    QHash<QString, Assignment> byCase;
    for (const Assignment &a : assignments)
        byCase.insert(a.caseId, a);
    struct Row {
        CaseRecord c;
        Assignment a;
        QDateTime due;
        bool mine = false;
    };
    QList<Row> rows;
    for (const CaseRecord &c : cases) {
        Row r { c, byCase.value(c.id), {}, false };
        if (!byCase.contains(c.id)) {
            r.a.assignee = c.assignee;
            r.a.queue = c.queue;
        }
        r.due = QDateTime::fromString(r.a.dueAt, Qt::ISODate);
        r.mine = !r.a.assignee.isEmpty() && r.a.assignee == me;
        rows << r;
    }
    // The store's plan order: mine first, by due date (none last), then the most recently updated.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.mine != b.mine)
            return a.mine;
        if (a.due.isValid() != b.due.isValid())
            return a.due.isValid();
        if (a.due != b.due)
            return a.due < b.due;
        return a.c.updatedAt > b.c.updatedAt;
    });
    const CaseType inspection = SampleCaseHost::inspectionType();
    for (const Row &row : std::as_const(rows)) {
        const CaseRecord &c = row.c;
        const QDateTime updated = QDateTime::fromString(c.updatedAt, Qt::ISODate);
        const QString site = c.fields.value(QStringLiteral("site")).toString();
        const QString siteLabel
            = sites && !site.isEmpty() ? sites->label(QStringLiteral("sites"), site) : site;
        const QString priority = c.fields.value(QStringLiteral("priority")).toString();
        const QString status = statusWords(c.caseType == inspection.name ? &inspection : nullptr, c.status);
        auto *id = new QStandardItem(c.id);
        id->setData(c.id, CaseIdRole);
        id->setData(c.caseType, CaseTypeRole);
        id->setData(typeTitles.value(c.caseType, c.caseType), CaseTypeTitleRole);
        id->setData(c.status, StatusRole);
        id->setData(status, StatusLabelRole);
        id->setData(row.a.queue, QueueRole);
        id->setData(row.a.assignee, AssigneeRole);
        id->setData(row.mine, IsMineRole);
        id->setData(c.title, TitleRole);
        id->setData(updated, UpdatedAtRole);
        id->setData(row.due, DueAtRole);
        id->setData(priority, PriorityRole);
        id->setData(row.a.instructions, InstructionsRole);
        id->setData(siteLabel.isEmpty() ? site : siteLabel, SiteRole);
        id->setData(0, PendingCountRole);
        id->setData(false, HasConflictRole);
        id->setData(false, HasSyncIssueRole);
        QStringList search;
        for (auto f = c.fields.begin(); f != c.fields.end(); ++f)
            if (f.value().isString())
                search << f.value().toString();
        id->setData(search.join(QLatin1Char(' ')), SearchTextRole);
        auto *when = new QStandardItem(updated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        auto *due = new QStandardItem(
            row.due.isValid() ? row.due.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")) : QString());
        QList<QStandardItem *> cells(WorklistColumnCount);
        cells[IdColumn] = id;
        cells[TitleColumn] = new QStandardItem(c.title);
        cells[DueColumn] = due;
        cells[PriorityColumn] = new QStandardItem(priorityWords(&inspection, priority));
        cells[StatusColumn] = new QStandardItem(status);
        cells[SiteColumn] = new QStandardItem(siteLabel.isEmpty() ? site : siteLabel);
        cells[AssignedColumn] = new QStandardItem(assignedWords(row.a.assignee, row.a.queue));
        cells[TypeColumn] = new QStandardItem(typeTitles.value(c.caseType, c.caseType));
        cells[UpdatedColumn] = when;
        model->appendRow(cells);
    }
    return model;
}

} // namespace outpost::ui
