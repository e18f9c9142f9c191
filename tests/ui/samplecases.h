// SPDX-License-Identifier: MIT
#pragma once

#include "caseformhost.h"
#include "lookupsource.h"

#include <QDateTime>
#include <QHash>

class QObject;
class QStandardItemModel;

namespace outpost::ui {

/// Cases held in memory behind the CaseFormHost interface: the content of the screenshots and of
/// the widget tests (test support only; the product carries no sample data). Saves and flow actions
/// are checked with the rules engine exactly like the store does, then applied in memory.
class SampleCaseHost : public CaseFormHost
{
public:
    /// With `withSamples` the host holds the "inspection" type, a few sites and cases.
    explicit SampleCaseHost(bool withSamples = true);

    void addCaseType(const CaseType &type) { m_types.insert(type.name, type); }
    void putCase(const CaseRecord &record) { m_cases.insert(record.id, record); }
    QList<CaseRecord> cases() const { return m_cases.values(); }
    StaticLookupSource &lookup() { return m_lookup; }
    int savedCount() const { return m_saved; }

    Result<CaseRecord> caseRecord(const QString &caseId) const override;
    Result<CaseType> caseType(const QString &name) const override;
    QList<CaseType> caseTypes() const override { return m_types.values(); }
    Result<QString> createCase(const QString &caseType, const QJsonObject &fields) override;
    Status saveFields(const QString &caseId, const QString &baseEtag, const QJsonObject &changed,
        const QList<FormFile> &files = {}) override;
    Status runFlowAction(const QString &caseId, const QString &baseEtag, const QString &action,
        const QJsonObject &changed, const QList<FormFile> &files = {}) override;
    QByteArray attachmentBytes(const QString &caseId, const QString &sha256) const override;
    const LookupSource *lookupSource() const override { return &m_lookup; }

    /// The example case type of the protocol, with one field of every type.
    static CaseType inspectionType();
    /// An assignment with instructions for each sample case, due relative to `now` (local time):
    /// C-10043 overdue since yesterday, C-10042 today 17:00, C-10058 in three days (alice's), and
    /// in the pools C-10060 overdue for two days, C-10051 tomorrow.
    static QList<Assignment> sampleAssignments(const QDateTime &now);

private:
    QHash<QString, CaseType> m_types;
    QHash<QString, CaseRecord> m_cases;
    StaticLookupSource m_lookup;
    int m_saved = 0;
    QHash<QString, QByteArray> m_files; // drawn signatures by sha256
};

/// A worklist model (roles of worklistroles.h, columns of WorklistColumn) over `cases`, with the
/// column titles and texts of the store's worklist model, in its plan order for user `me`. The
/// assignments give due dates, instructions and pools; `sites` the sites' labels.
QStandardItemModel *createWorklistModel(const QList<CaseRecord> &cases,
    const QHash<QString, QString> &typeTitles, QObject *parent, const QList<Assignment> &assignments = {},
    const LookupSource *sites = nullptr, const QString &me = QStringLiteral("alice"));

} // namespace outpost::ui
