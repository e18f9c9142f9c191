// SPDX-License-Identifier: MIT
#pragma once

#include "caseformhost.h"
#include "lookupsource.h"

#include <QObject>

namespace outpost::client {
class LocalStore;
class StoreReads;
} // namespace outpost::client

namespace outpost::ui {

/// Lookup editors over the store's data pages (indexed reads with a limit).
class StoreLookupSource : public LookupSource
{
public:
    explicit StoreLookupSource(const client::StoreReads *store)
        : m_store(store)
    { }
    QList<LookupEntry> search(const QString &page, const QString &text, int limit) const override;
    bool contains(const QString &page, const QString &key) const override;
    QString label(const QString &page, const QString &key) const override;

private:
    const client::StoreReads *m_store;
};

/// The case screens over the GUI thread's LocalStore: every save or flow action is one local
/// transaction (change + queued action); localChangeMade(caseId) follows each committed change
/// (connect it to SyncController::localChangeMade and the worklist's refreshCase).
class StoreCaseHost : public QObject, public CaseFormHost
{
    Q_OBJECT
public:
    /// `store` must outlive the host.
    explicit StoreCaseHost(client::LocalStore *store, QObject *parent = nullptr);

    Result<CaseRecord> caseRecord(const QString &caseId) const override;
    Result<CaseType> caseType(const QString &name) const override;
    QList<CaseType> caseTypes() const override;
    Result<QString> createCase(const QString &caseType, const QJsonObject &fields) override;
    Status saveFields(const QString &caseId, const QString &baseEtag, const QJsonObject &changed,
        const QList<FormFile> &files = {}) override;
    Status runFlowAction(const QString &caseId, const QString &baseEtag, const QString &action,
        const QJsonObject &changed, const QList<FormFile> &files = {}) override;
    QByteArray attachmentBytes(const QString &caseId, const QString &sha256) const override;
    QHash<QString, FieldSyncMark> fieldMarks(const QString &caseId) const override;
    std::optional<Assignment> assignment(const QString &caseId) const override;
    const LookupSource *lookupSource() const override { return &m_lookup; }

Q_SIGNALS:
    void localChangeMade(const QString &caseId);

private:
    client::LocalStore *m_store;
    StoreLookupSource m_lookup;
};

} // namespace outpost::ui
