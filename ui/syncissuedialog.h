// SPDX-License-Identifier: MIT
#pragma once

#include "caseformhost.h"
#include "protocol/casetype.h"

#include <QDialog>
#include <QJsonObject>
#include <QMap>

#include <functional>

class QLabel;
class QPushButton;

namespace outpost::ui {

class CaseForm;
class LookupSource;

/// What the "Edit and retry" form shows of a change the server refused.
struct RefusedChange {
    CaseType type;
    QString caseLabel; ///< "C-10042 — Pump station"
    QString description; ///< the change in plain words
    bool isCreate = false;
    QString flowAction; ///< the refused flow action (empty for a plain update or create)
    QString fromStatus; ///< the server copy's status (what the flow action starts from)
    QJsonObject serverFields; ///< the server copy's fields (empty for a create)
    QJsonObject fields; ///< the values the change carried
    QString serverMessage;
    QMap<QString, QString> serverFieldMessages;
};

/// "Edit and retry" for a refused change: the case's form with the refused values as edits, the
/// server's messages at their fields, live validation from the shared RulesEngine (for a flow
/// action also what it requires). A signature field works as on the case screen: the customer signs,
/// the field names the picture's sha256 and the picture comes with the retry (its files), to be
/// attached to the case with it. Retry is enabled while the values are valid and emits
/// retryRequested(); whoever retries answers with accept() or showError(). Cancel changes nothing.
class SyncIssueDialog : public QDialog
{
    Q_OBJECT
public:
    /// `lookup` may be null; it must outlive the dialog.
    SyncIssueDialog(const RefusedChange &change, const LookupSource *lookup, QWidget *parent = nullptr);

    CaseForm *form() const { return m_form; }
    QPushButton *retryButton() const { return m_retry; }
    QString messageText() const;
    /// The fields the corrected change carries: its own and every edited one, with their values now.
    QJsonObject correctedFields() const;
    /// The files drawn in the form that the corrected fields name (a signature's PNG).
    QList<FormFile> correctedFiles() const;
    /// Where a signature field reads a captured signature of the case (CaseFormHost::attachmentBytes).
    void setAttachmentLoader(const std::function<QByteArray(const QString &sha256)> &loader);
    /// The correction was refused: the message above the form, per-field messages at the fields.
    void showError(const QString &message, const QMap<QString, QString> &fieldMessages);

Q_SIGNALS:
    /// `files` are to be attached to the case with the retried change, in one transaction.
    void retryRequested(const QJsonObject &fields, const QList<FormFile> &files);

private:
    void updateState();

    RefusedChange m_change;
    CaseForm *m_form;
    QLabel *m_message;
    QPushButton *m_retry;
};

} // namespace outpost::ui
