// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"

#include <QJsonValue>
#include <QObject>

class QWidget;

namespace outpost::ui {

class LookupSource;

/// The editor of one case-type field: owns the widgets for its type and converts between them and
/// the protocol's JSON value (null when empty). Created by create(); CaseForm lays them out.
///
/// Editors per type: text → QLineEdit (QPlainTextEdit when maxLength > 200); number → QLineEdit
/// accepting a number or nothing (the bounds are checked by the rules engine, so an out-of-range
/// value is shown with the server's own message instead of being silently clamped); date →
/// QDateEdit with a calendar popup and a clear button; datetime → QDateTimeEdit in UTC (RFC 3339
/// out); bool → Yes / No buttons, neither pressed = not set (pressing the chosen one clears); choice →
/// QComboBox with an empty entry; lookup → QLineEdit with a QCompleter over a LookupModel (type-ahead);
/// signature → a SignatureEditor (signatureeditor.h: a pad to sign on, the captured signature shown
/// afterwards).
class FieldEditor : public QObject
{
    Q_OBJECT
public:
    /// Never null; `lookup` may be null (lookup fields then accept any key).
    static FieldEditor *create(const FieldDef &field, const LookupSource *lookup, QWidget *parent);

    const FieldDef &field() const { return m_field; }
    /// The widget to lay out (may be a container around the editor).
    virtual QWidget *widget() const = 0;
    /// The widget that takes focus and carries the accessible name; first in tab order.
    virtual QWidget *editor() const = 0;
    /// Further focusable widgets after editor() in tab order (e.g. a date's clear button).
    virtual QList<QWidget *> extraFocusWidgets() const { return {}; }
    /// The current value as the protocol carries it; QJsonValue::Null when empty. Unparseable
    /// input (e.g. "12x" in a number) comes back as its text, so the rules engine reports it.
    virtual QJsonValue value() const = 0;
    /// Shows `value` without emitting edited().
    void setValue(const QJsonValue &value);
    virtual void setReadOnly(bool readOnly) = 0;

Q_SIGNALS:
    /// The technician changed the value.
    void edited();

protected:
    FieldEditor(const FieldDef &field, QObject *parent);
    virtual void applyValue(const QJsonValue &value) = 0;
    void notifyEdited();

private:
    FieldDef m_field;
    bool m_loading = false;
};

} // namespace outpost::ui
