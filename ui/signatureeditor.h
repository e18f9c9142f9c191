// SPDX-License-Identifier: MIT
#pragma once

#include "fieldeditor.h"

#include <QByteArray>

#include <functional>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace outpost::ui {

class SignaturePad;

/// The editor of a signature field (FieldEditor::create): the customer signs on a SignaturePad
/// (finger, pen or mouse), Clear starts over, Done keeps the drawing as a PNG and the field's value
/// becomes its sha256 (hex). The captured signature is shown afterwards, read from the case's local
/// attachment (setImageLoader), with "Sign again". The PNG drawn here goes into the store with the
/// save, as an attachment of the case in the same transaction (CaseForm::newFiles).
class SignatureEditor : public FieldEditor
{
    Q_OBJECT
public:
    /// The bytes of the case's attachment with this sha256 (empty when not on the device).
    using ImageLoader = std::function<QByteArray(const QString &sha256)>;

    SignatureEditor(const FieldDef &field, QWidget *parent);

    QWidget *widget() const override;
    QWidget *editor() const override;
    QList<QWidget *> extraFocusWidgets() const override;
    QJsonValue value() const override;
    void setReadOnly(bool readOnly) override;

    void setImageLoader(ImageLoader loader);
    /// The PNG drawn here and taken with Done since the value was loaded; empty when none.
    QByteArray newPng() const { return m_png; }
    /// Whether the pad is shown (signing) rather than the captured signature.
    bool isSigning() const;
    /// A case not created yet cannot hold a signature (its picture is an attachment of the case).
    void setSigningAllowed(bool allowed, const QString &why);

    SignaturePad *pad() const { return m_pad; }
    QPushButton *clearButton() const { return m_clear; }
    QPushButton *doneButton() const { return m_done; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *signAgainButton() const { return m_again; }
    QLabel *imageLabel() const { return m_image; }

protected:
    void applyValue(const QJsonValue &value) override;

private:
    void done();
    void signAgain();
    void cancel();
    void showValue();
    void updateButtons();

    QWidget *m_box;
    QStackedWidget *m_stack;
    SignaturePad *m_pad;
    QLabel *m_hint;
    QPushButton *m_clear;
    QPushButton *m_cancel;
    QPushButton *m_done;
    QLabel *m_image;
    QLabel *m_state;
    QPushButton *m_again;
    ImageLoader m_loader;
    QString m_sha;
    QByteArray m_png;
    bool m_readOnly = false;
    bool m_allowed = true;
};

} // namespace outpost::ui
