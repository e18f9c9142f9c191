// SPDX-License-Identifier: MIT
#include "fieldeditor.h"

#include "lookupmodel.h"
#include "lookupsource.h"
#include "signatureeditor.h"

#include "rules/caselabels.h"
#include "rules/fieldvalue.h"

#include <QAbstractItemView>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTimeZone>
#include <QToolButton>

namespace outpost::ui {

namespace {

constexpr int kMultiLineThreshold = 200;

// Date and date-time editors cannot be empty; their minimum stands for "not set".
const QDate kEmptyDate(1900, 1, 1);

QString numberText(double d)
{
    return QString::number(d, 'g', 15);
}

class TextEditor : public FieldEditor
{
public:
    TextEditor(const FieldDef &f, QWidget *parent)
        : FieldEditor(f, parent)
    {
        if (f.maxLength && *f.maxLength > kMultiLineThreshold) {
            m_multi = new QPlainTextEdit(parent);
            m_multi->setTabChangesFocus(true);
            m_multi->setMinimumHeight(80);
            m_multi->setMaximumHeight(160);
            connect(m_multi, &QPlainTextEdit::textChanged, this, &TextEditor::notifyEdited);
        } else {
            m_line = new QLineEdit(parent);
            m_line->setClearButtonEnabled(true);
            connect(m_line, &QLineEdit::textEdited, this, &TextEditor::notifyEdited);
        }
    }
    QWidget *widget() const override { return editor(); }
    QWidget *editor() const override
    {
        return m_multi ? static_cast<QWidget *>(m_multi) : static_cast<QWidget *>(m_line);
    }
    QJsonValue value() const override
    {
        const QString t = m_multi ? m_multi->toPlainText() : m_line->text();
        return t.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t);
    }
    void setReadOnly(bool ro) override
    {
        if (m_multi)
            m_multi->setReadOnly(ro);
        else
            m_line->setReadOnly(ro);
    }

protected:
    void applyValue(const QJsonValue &v) override
    {
        const QString t = v.isString() ? v.toString() : v.isDouble() ? numberText(v.toDouble()) : QString();
        if (m_multi)
            m_multi->setPlainText(t);
        else
            m_line->setText(t);
    }

private:
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_multi = nullptr;
};

class NumberEditor : public FieldEditor
{
public:
    NumberEditor(const FieldDef &f, QWidget *parent)
        : FieldEditor(f, parent)
        , m_edit(new QLineEdit(parent))
    {
        // Digits, sign, one decimal separator (point or comma), exponent; the rules engine judges.
        m_edit->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral(R"([+-]?[0-9]*([.,][0-9]*)?([eE][+-]?[0-9]*)?)")), m_edit));
        m_edit->setInputMethodHints(Qt::ImhFormattedNumbersOnly);
        m_edit->setClearButtonEnabled(true);
        if (f.min && f.max)
            m_edit->setPlaceholderText(
                FieldEditor::tr("%1 to %2").arg(formatNumber(*f.min), formatNumber(*f.max)));
        else if (f.min)
            m_edit->setPlaceholderText(FieldEditor::tr("at least %1").arg(formatNumber(*f.min)));
        else if (f.max)
            m_edit->setPlaceholderText(FieldEditor::tr("at most %1").arg(formatNumber(*f.max)));
        connect(m_edit, &QLineEdit::textEdited, this, &NumberEditor::notifyEdited);
    }
    QWidget *widget() const override { return m_edit; }
    QWidget *editor() const override { return m_edit; }
    QJsonValue value() const override
    {
        if (m_edit->text().trimmed().isEmpty())
            return QJsonValue::Null;
        // Typed in the user's locale ("12,5" in German), stored and sent canonical (12.5).
        const std::optional<double> d = parseNumber(m_edit->text());
        return d ? QJsonValue(*d) : QJsonValue(m_edit->text());
    }
    void setReadOnly(bool ro) override { m_edit->setReadOnly(ro); }

protected:
    void applyValue(const QJsonValue &v) override
    {
        m_edit->setText(v.isDouble() ? formatNumber(v.toDouble()) : v.isString() ? v.toString() : QString());
    }

private:
    QLineEdit *m_edit;
};

/// A date or date-time editor with a calendar popup and a clear button; the minimum means empty.
class DateEditor : public FieldEditor
{
public:
    DateEditor(const FieldDef &f, bool withTime, QWidget *parent)
        : FieldEditor(f, parent)
        , m_withTime(withTime)
        , m_box(new QWidget(parent))
    {
        m_edit = withTime ? new QDateTimeEdit(m_box) : new QDateEdit(m_box);
        m_edit->setCalendarPopup(true);
        if (withTime) {
            m_edit->setTimeSpec(Qt::UTC);
            m_edit->setDisplayFormat(dateTimeFormat() + QStringLiteral(" 'UTC'"));
            m_edit->setMinimumDateTime(QDateTime(kEmptyDate, QTime(0, 0), Qt::UTC));
        } else {
            m_edit->setDisplayFormat(dateFormat());
            m_edit->setMinimumDate(kEmptyDate);
        }
        m_edit->setSpecialValueText(FieldEditor::tr("not set"));
        m_clear = new QToolButton(m_box);
        m_clear->setText(FieldEditor::tr("Clear"));
        m_clear->setAccessibleName(FieldEditor::tr("Clear %1").arg(f.label));
        m_clear->setToolTip(FieldEditor::tr("Clear %1").arg(f.label));
        auto *lay = new QHBoxLayout(m_box);
        lay->setContentsMargins(0, 0, 0, 0);
        lay->addWidget(m_edit, 1);
        lay->addWidget(m_clear);
        clearEdit();
        if (QCalendarWidget *cal = m_edit->calendarWidget())
            cal->installEventFilter(this); // see eventFilter: open on today, not on "not set"
        connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, [this] {
            m_clear->setEnabled(!isEmpty() && !m_edit->isReadOnly());
            notifyEdited();
        });
        connect(m_clear, &QToolButton::clicked, this, [this] {
            clearEdit();
            notifyEdited();
        });
    }
    QWidget *widget() const override { return m_box; }
    QWidget *editor() const override { return m_edit; }
    QList<QWidget *> extraFocusWidgets() const override { return { m_clear }; }
    QJsonValue value() const override
    {
        if (isEmpty())
            return QJsonValue::Null;
        if (!m_withTime)
            return m_edit->date().toString(Qt::ISODate);
        QDateTime dt = m_edit->dateTime().toUTC();
        dt.setTime(QTime(dt.time().hour(), dt.time().minute(), dt.time().second()));
        return dt.toString(Qt::ISODate); // "2026-11-30T08:00:00Z"
    }
    void setReadOnly(bool ro) override
    {
        m_edit->setReadOnly(ro);
        m_clear->setEnabled(!ro && !isEmpty());
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && isEmpty() && watched == m_edit->calendarWidget()) {
            const QDate today = QDate::currentDate();
            m_edit->calendarWidget()->setCurrentPage(today.year(), today.month());
        }
        return FieldEditor::eventFilter(watched, event);
    }

protected:
    void applyValue(const QJsonValue &v) override
    {
        const QString s = v.toString();
        if (m_withTime) {
            const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
            if (dt.isValid())
                m_edit->setDateTime(dt.toUTC());
            else
                clearEdit();
        } else {
            const QDate d = QDate::fromString(s, Qt::ISODate);
            if (d.isValid())
                m_edit->setDate(d);
            else
                clearEdit();
        }
        m_clear->setEnabled(!isEmpty() && !m_edit->isReadOnly());
    }

private:
    bool isEmpty() const { return m_edit->date() == kEmptyDate; }
    void clearEdit()
    {
        const QSignalBlocker block(m_edit);
        if (m_withTime)
            m_edit->setDateTime(m_edit->minimumDateTime());
        else
            m_edit->setDate(kEmptyDate);
        // The popup opens on today rather than on the "empty" minimum.
        m_clear->setEnabled(false);
    }

    bool m_withTime;
    QWidget *m_box;
    QDateTimeEdit *m_edit;
    QToolButton *m_clear;
};

class BoolEditor : public FieldEditor
{
public:
    // Two answers side by side, neither chosen while not set; the chosen one pressed again clears.
    BoolEditor(const FieldDef &f, QWidget *parent)
        : FieldEditor(f, parent)
        , m_box(new QWidget(parent))
        , m_yes(new QPushButton(FieldEditor::tr("Yes"), m_box))
        , m_no(new QPushButton(FieldEditor::tr("No"), m_box))
    {
        auto *lay = new QHBoxLayout(m_box);
        lay->setContentsMargins(0, 0, 0, 0);
        lay->setSpacing(0);
        for (QPushButton *b : { m_yes, m_no }) {
            b->setCheckable(true);
            b->setToolTip(FieldEditor::tr("Press the chosen answer again to clear it"));
            lay->addWidget(b);
        }
        lay->addStretch(1);
        m_yes->setObjectName(QStringLiteral("yes_") + f.name);
        m_no->setObjectName(QStringLiteral("no_") + f.name);
        m_yes->setAccessibleDescription(FieldEditor::tr("Yes"));
        m_no->setAccessibleName(FieldEditor::tr("%1: No").arg(f.label));
        connect(m_yes, &QPushButton::clicked, this, [this](bool on) { answered(m_no, on); });
        connect(m_no, &QPushButton::clicked, this, [this](bool on) { answered(m_yes, on); });
    }
    QWidget *widget() const override { return m_box; }
    QWidget *editor() const override { return m_yes; }
    QList<QWidget *> extraFocusWidgets() const override { return { m_no }; }
    QJsonValue value() const override
    {
        if (m_yes->isChecked())
            return true;
        if (m_no->isChecked())
            return false;
        return QJsonValue::Null;
    }
    void setReadOnly(bool ro) override
    {
        m_yes->setEnabled(!ro);
        m_no->setEnabled(!ro);
    }

protected:
    void applyValue(const QJsonValue &v) override
    {
        m_yes->setChecked(v.isBool() && v.toBool());
        m_no->setChecked(v.isBool() && !v.toBool());
        showChoice();
    }

private:
    void answered(QPushButton *other, bool on)
    {
        if (on)
            other->setChecked(false);
        showChoice();
        notifyEdited();
    }
    void showChoice()
    {
        // The pressed look alone is faint in some styles: the chosen answer carries a tick.
        m_yes->setIcon(m_yes->isChecked() ? m_tick : QIcon());
        m_no->setIcon(m_no->isChecked() ? m_tick : QIcon());
    }

    QWidget *m_box;
    QPushButton *m_yes;
    QPushButton *m_no;
    QIcon m_tick { QStringLiteral(":/icons/online.svg") };
};

class ChoiceEditor : public FieldEditor
{
public:
    ChoiceEditor(const FieldDef &f, QWidget *parent)
        : FieldEditor(f, parent)
        , m_combo(new QComboBox(parent))
    {
        m_combo->addItem(FieldEditor::tr("(none)"), QString());
        for (const QString &c : f.choices)
            m_combo->addItem(choiceLabel(f, c, userLanguage()), c);
        connect(m_combo, &QComboBox::activated, this, &ChoiceEditor::notifyEdited);
    }
    QWidget *widget() const override { return m_combo; }
    QWidget *editor() const override { return m_combo; }
    QJsonValue value() const override
    {
        const QString v = m_combo->currentData().toString();
        return v.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(v);
    }
    void setReadOnly(bool ro) override { m_combo->setEnabled(!ro); }

protected:
    void applyValue(const QJsonValue &v) override
    {
        const QString s = v.toString();
        int i = s.isEmpty() ? 0 : m_combo->findData(s);
        if (i < 0) { // a value the type no longer offers: show it rather than lose it
            m_combo->addItem(s, s);
            i = m_combo->count() - 1;
        }
        m_combo->setCurrentIndex(i);
    }

private:
    QComboBox *m_combo;
};

class LookupEditor : public FieldEditor
{
public:
    LookupEditor(const FieldDef &f, const LookupSource *source, QWidget *parent)
        : FieldEditor(f, parent)
        , m_source(source)
        , m_box(new QWidget(parent))
        , m_edit(new QLineEdit(m_box))
        , m_label(new QLabel(m_box))
    {
        m_model = new LookupModel(source, f.dataPage, this);
        auto *completer = new QCompleter(m_model, this);
        completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
        completer->setCompletionRole(Qt::EditRole);
        completer->setCaseSensitivity(Qt::CaseInsensitive);
        completer->setMaxVisibleItems(10);
        m_edit->setCompleter(completer);
        m_edit->setClearButtonEnabled(true);
        //: Placeholder of a lookup field's editor; %1 is the field's label, e.g. "Site".
        m_edit->setPlaceholderText(FieldEditor::tr("Search %1…").arg(f.label.isEmpty() ? f.name : f.label));
        m_label->setObjectName(QStringLiteral("lookupLabel"));
        m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *lay = new QHBoxLayout(m_box);
        lay->setContentsMargins(0, 0, 0, 0);
        lay->addWidget(m_edit, 1);
        lay->addWidget(m_label, 1);
        connect(m_edit, &QLineEdit::textEdited, this, [this, completer](const QString &text) {
            m_model->setFilterText(text);
            if (m_model->rowCount() > 0 && m_edit->hasFocus())
                completer->complete();
            updateLabel();
            notifyEdited();
        });
        connect(completer, qOverload<const QString &>(&QCompleter::activated), this, [this](const QString &) {
            updateLabel();
            notifyEdited();
        });
    }
    QWidget *widget() const override { return m_box; }
    QWidget *editor() const override { return m_edit; }
    QJsonValue value() const override
    {
        const QString t = m_edit->text().trimmed();
        return t.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(t);
    }
    void setReadOnly(bool ro) override { m_edit->setReadOnly(ro); }
    LookupModel *model() const { return m_model; }

protected:
    void applyValue(const QJsonValue &v) override
    {
        m_edit->setText(v.toString());
        updateLabel();
    }

private:
    void updateLabel()
    {
        const QString key = m_edit->text().trimmed();
        m_label->setText(m_source && !key.isEmpty() ? m_source->label(field().dataPage, key) : QString());
    }
    const LookupSource *m_source;
    QWidget *m_box;
    QLineEdit *m_edit;
    QLabel *m_label;
    LookupModel *m_model;
};

} // namespace

FieldEditor::FieldEditor(const FieldDef &field, QObject *parent)
    : QObject(parent)
    , m_field(field)
{ }

FieldEditor *FieldEditor::create(const FieldDef &field, const LookupSource *lookup, QWidget *parent)
{
    FieldEditor *e = nullptr;
    switch (field.type) {
    case FieldType::Text:
        e = new TextEditor(field, parent);
        break;
    case FieldType::Number:
        e = new NumberEditor(field, parent);
        break;
    case FieldType::Date:
        e = new DateEditor(field, false, parent);
        break;
    case FieldType::DateTime:
        e = new DateEditor(field, true, parent);
        break;
    case FieldType::Bool:
        e = new BoolEditor(field, parent);
        break;
    case FieldType::Choice:
        e = new ChoiceEditor(field, parent);
        break;
    case FieldType::Lookup:
        e = new LookupEditor(field, lookup, parent);
        break;
    case FieldType::Signature:
        e = new SignatureEditor(field, parent);
        break;
    }
    e->editor()->setObjectName(QStringLiteral("field_") + field.name);
    return e;
}

void FieldEditor::setValue(const QJsonValue &value)
{
    m_loading = true;
    applyValue(value);
    m_loading = false;
}

void FieldEditor::notifyEdited()
{
    if (!m_loading)
        Q_EMIT edited();
}

} // namespace outpost::ui
