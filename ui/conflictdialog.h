// SPDX-License-Identifier: MIT
#pragma once

#include "conflictmodel.h"

#include <QDialog>
#include <QJsonObject>

class QPushButton;
class QTableView;

namespace outpost::ui {

/// Settles a conflict: per field base / mine / server side by side, one pick per field (keyboard:
/// arrows to a cell, Space to pick), then "Resolve". resolvedValues() holds the chosen values.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    ConflictDialog(const CaseType &type, const QString &caseLabel, const QList<ConflictEntry> &entries,
                   const LookupSource *lookup = nullptr, QWidget *parent = nullptr);
    /// Builds the entries of `fields` from the three copies (e.g. MergeOutcome::conflicts).
    static QList<ConflictEntry> entriesFrom(const QStringList &fields, const QJsonObject &base,
                                            const QJsonObject &mine, const QJsonObject &theirs);

    /// The chosen value per field (complete once accepted).
    QHash<QString, QJsonValue> resolvedValues() const { return m_model->chosenValues(); }
    ConflictModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *resolveButton() const { return m_resolve; }

private:
    void updateResolve();

    ConflictModel *m_model;
    QTableView *m_view;
    QPushButton *m_resolve;
};

} // namespace outpost::ui
