// SPDX-License-Identifier: MIT
#pragma once

#include "caseformhost.h"
#include "protocol/casetype.h"
#include "rules/rulesengine.h"

#include <QJsonObject>
#include <QMap>
#include <QWidget>

#include <functional>

class QGridLayout;
class QLabel;

namespace outpost::ui {

class FieldEditor;
class LookupSource;

/// What reloadPreservingEdits() did with the server's new copy.
struct ReloadOutcome {
    QStringList refreshed; ///< fields the server changed that had no local edit: now show the server's value
    QStringList kept; ///< fields with local edits, kept as typed
    QStringList clashing; ///< kept local edits of fields the server also changed (to another value)
    bool hasLocalEdits() const { return !kept.isEmpty(); }
};

/// The form of one case, generated from its case type: one editor per field (see FieldEditor),
/// required markers, live validation messages under each field from the shared RulesEngine (the
/// very rules the server applies), accessible names and descriptions, tab order in field order.
///
/// The form holds the base (the fields as last loaded from the store/server) and the edits on top;
/// changedFields() is what a queued update carries.
class CaseForm : public QWidget
{
    Q_OBJECT
public:
    /// `lookup` may be null (lookup keys then are not checked); it must outlive the form.
    explicit CaseForm(const CaseType &type, const LookupSource *lookup = nullptr, QWidget *parent = nullptr);
    ~CaseForm() override;

    const CaseType &caseType() const { return m_type; }
    /// Create: every required field must get a value. Update (default): edits are checked.
    void setMode(RulesEngine::Mode mode);
    RulesEngine::Mode mode() const { return m_mode; }

    /// Loads a case's fields as the new base and drops every edit.
    void setCase(const QJsonObject &fields);
    /// Loads the server's new copy as base, keeping what the technician typed (see ReloadOutcome).
    ReloadOutcome reloadPreservingEdits(const QJsonObject &newServerFields);
    /// Puts `values` into the editors as edits on top of the base (touched, so their messages show).
    void setEdits(const QJsonObject &values);
    /// Also checks that flow action `flowAction` may run from `fromStatus` with the current values
    /// (RulesEngine::checkFlowAction): the fields it requires get messages; empty = fields only.
    void setTransition(const QString &fromStatus, const QString &flowAction);
    /// Why the flow action cannot run at all (not a field's fault), or empty.
    QString transitionError() const { return m_transitionError; }
    /// Marks the current values as saved: they become the base (after a successful local save).
    void markSaved();

    QJsonObject baseFields() const { return m_base; }
    /// The base with the edits applied (what the case will hold after saving).
    QJsonObject currentFields() const;
    /// Only the fields whose value differs from the base; a cleared field maps to null.
    QJsonObject changedFields() const;
    bool isDirty() const { return m_dirty; }
    bool isValid() const { return m_valid; }
    /// The rules engine's messages for the current values, by field name.
    QMap<QString, QString> errors() const { return m_errors; }
    /// The message shown under `field` (empty when none or not yet shown).
    QString shownError(const QString &field) const;
    /// Shows the messages of every field, including required ones not yet touched (on Save).
    void showAllErrors();
    /// Shows messages that came from elsewhere (the server's rejection), until the field is edited.
    void setExternalErrors(const QMap<QString, QString> &errors);
    void setReadOnly(bool readOnly);
    /// Marks beside the fields whose value is not yet on the server: saved here and queued, or in
    /// conflict with the server's (both values shown). Fields not named lose their mark.
    void setFieldMarks(const QHash<QString, FieldSyncMark> &marks);
    /// The mark's text beside `field` (empty when none).
    QString fieldMarkText(const QString &field) const;

    /// How the fields are laid out; follows the form's width (see resizeEvent).
    enum class Arrangement { Labelled, TwoColumns, Stacked };
    Arrangement arrangement() const { return m_arrangement; }

    /// The files drawn in the form that the changed fields refer to (a signature's PNG): saved with them.
    QList<FormFile> newFiles() const;
    /// Where signature editors read a captured signature of the case (CaseFormHost::attachmentBytes).
    void setAttachmentLoader(const std::function<QByteArray(const QString &sha256)> &loader);

    FieldEditor *fieldEditor(const QString &field) const;
    /// The widget that takes focus for `field` (carries accessibleName), or null.
    QWidget *editorWidget(const QString &field) const;

Q_SIGNALS:
    void validityChanged(bool valid);
    void dirtyChanged(bool dirty);
    /// Any value changed by the technician (for the flow-action bar's preconditions).
    void fieldsEdited();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Row;
    void build();
    void arrange(Arrangement a);
    void onEdited(const QString &field);
    void revalidate();
    void updateRow(Row &row);
    void setDirty(bool dirty);

    CaseType m_type;
    const LookupSource *m_lookup;
    RulesEngine::Mode m_mode = RulesEngine::Mode::Update;
    QJsonObject m_base;
    QMap<QString, QString> m_errors;
    QMap<QString, QString> m_external;
    QString m_fromStatus;
    QString m_flowAction;
    QString m_transitionError;
    QList<Row *> m_rows;
    QGridLayout *m_grid = nullptr;
    Arrangement m_arrangement = Arrangement::Labelled;
    bool m_showAll = false;
    bool m_dirty = false;
    bool m_valid = true;
};

} // namespace outpost::ui
