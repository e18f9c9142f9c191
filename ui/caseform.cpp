// SPDX-License-Identifier: MIT
#include "caseform.h"

#include "fieldeditor.h"
#include "lookupsource.h"
#include "rules/caselabels.h"
#include "rules/fieldvalue.h"
#include "signatureeditor.h"

#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QResizeEvent>
#include <QVBoxLayout>

namespace outpost::ui {

struct CaseForm::Row {
    FieldEditor *editor = nullptr;
    QLabel *label = nullptr;
    QLabel *message = nullptr;
    QLabel *mark = nullptr; // saved here / conflict
    QWidget *cell = nullptr; // editor, help, message and mark
    bool wide = false; // a multi-line text: spans both columns
    bool touched = false;
};

CaseForm::CaseForm(const CaseType &type, const LookupSource *lookup, QWidget *parent)
    : QWidget(parent)
    , m_type(localizedCaseType(type, userLanguage()))
    , m_lookup(lookup)
{
    setObjectName(QStringLiteral("caseForm"));
    build();
    revalidate();
}

CaseForm::~CaseForm()
{
    qDeleteAll(m_rows);
}

void CaseForm::build()
{
    auto *outer = new QVBoxLayout(this);
    m_grid = new QGridLayout;
    m_grid->setHorizontalSpacing(12);
    outer->addLayout(m_grid);
    outer->addStretch(1); // extra height goes below the fields, not between them
    QWidget *previous = nullptr;
    for (const FieldDef &f : m_type.fields) {
        auto *row = new Row;
        row->editor = FieldEditor::create(f, m_lookup, this);
        QWidget *editor = row->editor->editor();
        const QString text = f.required ? tr("%1 *").arg(f.label) : f.label;
        row->label = new QLabel(text, this);
        row->label->setBuddy(editor);
        if (f.required)
            row->label->setToolTip(tr("Required"));
        row->message = new QLabel(this);
        row->message->setObjectName(QStringLiteral("error_") + f.name);
        row->message->setWordWrap(true);
        row->message->setStyleSheet(QStringLiteral("color: #b3261e;"));
        row->message->setVisible(false);
        row->message->setAccessibleName(tr("%1: message").arg(f.label));

        editor->setAccessibleName(f.required ? tr("%1 (required)").arg(f.label) : f.label);
        editor->setToolTip(f.help);

        auto *cell = new QWidget(this);
        auto *v = new QVBoxLayout(cell);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(row->editor->widget());
        if (!f.help.isEmpty()) {
            auto *help = new QLabel(f.help, cell);
            help->setWordWrap(true);
            help->setEnabled(false);
            v->addWidget(help);
        }
        v->addWidget(row->message);
        row->mark = new QLabel(cell);
        row->mark->setObjectName(QStringLiteral("mark_") + f.name);
        row->mark->setWordWrap(true);
        row->mark->setVisible(false);
        v->addWidget(row->mark);
        row->cell = cell;
        row->wide = qobject_cast<QPlainTextEdit *>(editor) != nullptr || f.type == FieldType::Signature;

        for (QWidget *w : QList<QWidget *> { editor } + row->editor->extraFocusWidgets()) {
            if (previous)
                setTabOrder(previous, w);
            previous = w;
        }
        const QString name = f.name;
        connect(row->editor, &FieldEditor::edited, this, [this, name] { onEdited(name); });
        m_rows.append(row);
    }
    arrange(Arrangement::Labelled);
}

void CaseForm::arrange(Arrangement a)
{
    // Labels beside the fields; on a wide form two such columns (reading order left to right, a
    // long text across both); on a narrow one each label above its field.
    m_arrangement = a;
    for (Row *row : std::as_const(m_rows)) {
        m_grid->removeWidget(row->label);
        m_grid->removeWidget(row->cell);
    }
    for (int c = 0; c < 4; ++c)
        m_grid->setColumnStretch(c, 0);
    int r = 0;
    int col = 0;
    const int pairs = a == Arrangement::TwoColumns ? 2 : 1;
    for (Row *row : std::as_const(m_rows)) {
        const Qt::Alignment labelAlign = Qt::AlignRight | Qt::AlignTop;
        if (a == Arrangement::Stacked) {
            row->label->setAlignment(Qt::AlignLeft | Qt::AlignBottom);
            m_grid->addWidget(row->label, r++, 0);
            m_grid->addWidget(row->cell, r++, 0);
            continue;
        }
        row->label->setAlignment(labelAlign);
        if (row->wide && col > 0) { // a long text starts its own line
            ++r;
            col = 0;
        }
        m_grid->addWidget(row->label, r, col * 2, labelAlign);
        m_grid->addWidget(row->cell, r, col * 2 + 1, 1, row->wide ? pairs * 2 - 1 : 1);
        if (row->wide || ++col == pairs) {
            ++r;
            col = 0;
        }
    }
    if (a == Arrangement::Stacked) {
        m_grid->setColumnStretch(0, 1);
    } else {
        m_grid->setColumnStretch(1, 1);
        if (pairs == 2)
            m_grid->setColumnStretch(3, 1);
    }
}

void CaseForm::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int w = event->size().width();
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const Arrangement a = w >= em * 64 && m_rows.size() >= 6 ? Arrangement::TwoColumns
        : w < em * 40                                        ? Arrangement::Stacked
                                                             : Arrangement::Labelled;
    if (a != m_arrangement)
        arrange(a);
}

void CaseForm::setMode(RulesEngine::Mode mode)
{
    m_mode = mode;
    // A signature's picture is an attachment of the case: there is none before the case exists.
    for (Row *row : std::as_const(m_rows))
        if (auto *s = qobject_cast<SignatureEditor *>(row->editor))
            s->setSigningAllowed(
                mode != RulesEngine::Mode::Create, tr("The customer signs once the case is created."));
    revalidate();
}

QList<FormFile> CaseForm::newFiles() const
{
    QList<FormFile> out;
    const QJsonObject changed = changedFields();
    for (Row *row : m_rows) {
        auto *s = qobject_cast<SignatureEditor *>(row->editor);
        if (!s || s->newPng().isEmpty() || !changed.contains(row->editor->field().name))
            continue;
        out.append(
            { row->editor->field().name + QStringLiteral(".png"), QStringLiteral("image/png"), s->newPng() });
    }
    return out;
}

void CaseForm::setAttachmentLoader(const std::function<QByteArray(const QString &sha256)> &loader)
{
    for (Row *row : std::as_const(m_rows))
        if (auto *s = qobject_cast<SignatureEditor *>(row->editor))
            s->setImageLoader(loader);
}

void CaseForm::setCase(const QJsonObject &fields)
{
    m_base = fields;
    m_external.clear();
    m_showAll = false;
    for (Row *row : std::as_const(m_rows)) {
        row->editor->setValue(fields.value(row->editor->field().name));
        row->touched = false;
    }
    revalidate();
}

ReloadOutcome CaseForm::reloadPreservingEdits(const QJsonObject &newServerFields)
{
    ReloadOutcome out;
    const QJsonObject edits = changedFields();
    const QJsonObject oldBase = m_base;
    m_base = newServerFields;
    for (Row *row : std::as_const(m_rows)) {
        const QString name = row->editor->field().name;
        const bool serverChanged = !sameFieldValue(oldBase.value(name), newServerFields.value(name));
        if (edits.contains(name)) {
            out.kept.append(name);
            if (serverChanged && !sameFieldValue(edits.value(name), newServerFields.value(name)))
                out.clashing.append(name);
            continue;
        }
        if (serverChanged) {
            row->editor->setValue(newServerFields.value(name));
            out.refreshed.append(name);
        }
    }
    revalidate();
    return out;
}

void CaseForm::setEdits(const QJsonObject &values)
{
    for (Row *row : std::as_const(m_rows)) {
        const QString name = row->editor->field().name;
        if (!values.contains(name))
            continue;
        row->editor->setValue(values.value(name));
        row->touched = true;
    }
    revalidate();
}

void CaseForm::setTransition(const QString &fromStatus, const QString &flowAction)
{
    m_fromStatus = fromStatus;
    m_flowAction = flowAction;
    revalidate();
}

void CaseForm::markSaved()
{
    m_base = currentFields();
    m_external.clear();
    revalidate();
}

QJsonObject CaseForm::currentFields() const
{
    QJsonObject out = m_base;
    const QJsonObject changed = changedFields();
    for (auto it = changed.begin(); it != changed.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QJsonObject CaseForm::changedFields() const
{
    QJsonObject out;
    for (const Row *row : m_rows) {
        const QString name = row->editor->field().name;
        const QJsonValue v = row->editor->value();
        if (!sameFieldValue(v, m_base.value(name)))
            out.insert(name, v);
    }
    return out;
}

QString CaseForm::shownError(const QString &field) const
{
    for (const Row *row : m_rows)
        if (row->editor->field().name == field)
            return row->message->isHidden() ? QString() : row->message->text();
    return {};
}

void CaseForm::showAllErrors()
{
    m_showAll = true;
    revalidate();
}

void CaseForm::setExternalErrors(const QMap<QString, QString> &errors)
{
    m_external = errors;
    revalidate();
}

void CaseForm::setReadOnly(bool readOnly)
{
    for (Row *row : std::as_const(m_rows))
        row->editor->setReadOnly(readOnly);
}

FieldEditor *CaseForm::fieldEditor(const QString &field) const
{
    for (const Row *row : m_rows)
        if (row->editor->field().name == field)
            return row->editor;
    return nullptr;
}

QWidget *CaseForm::editorWidget(const QString &field) const
{
    FieldEditor *e = fieldEditor(field);
    return e ? e->editor() : nullptr;
}

void CaseForm::onEdited(const QString &field)
{
    for (Row *row : std::as_const(m_rows))
        if (row->editor->field().name == field)
            row->touched = true;
    m_external.remove(field);
    revalidate();
    Q_EMIT fieldsEdited();
}

void CaseForm::revalidate()
{
    const LookupSource *src = m_lookup;
    const LookupCheck check = src
        ? LookupCheck([src](const QString &page, const QString &key) { return src->contains(page, key); })
        : LookupCheck();
    const QJsonObject changed = changedFields();
    m_errors = RulesEngine::validateFields(m_type, m_base, changed, m_mode, check);
    m_transitionError.clear();
    if (!m_flowAction.isEmpty()) {
        const Status st = RulesEngine::checkFlowAction(m_type, m_fromStatus, currentFields(), m_flowAction);
        if (!st.ok() && st.error().fields.isEmpty())
            m_transitionError = st.error().message;
        else if (!st.ok())
            for (auto it = st.error().fields.cbegin(); it != st.error().fields.cend(); ++it)
                if (!m_errors.contains(it.key()))
                    m_errors.insert(it.key(), it.value());
    }
    for (Row *row : std::as_const(m_rows))
        updateRow(*row);
    setDirty(!changed.isEmpty());
    const bool valid = m_errors.isEmpty() && m_transitionError.isEmpty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

void CaseForm::updateRow(Row &row)
{
    const FieldDef &f = row.editor->field();
    QString msg = m_external.value(f.name);
    if (msg.isEmpty() && (row.touched || m_showAll))
        msg = m_errors.value(f.name);
    row.message->setText(msg);
    row.message->setVisible(!msg.isEmpty());
    QWidget *editor = row.editor->editor();
    QString description = f.help;
    if (!msg.isEmpty())
        description = description.isEmpty() ? msg : msg + QLatin1Char(' ') + description;
    editor->setAccessibleDescription(description);
    editor->setProperty("invalid", !msg.isEmpty());
}

void CaseForm::setDirty(bool dirty)
{
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

void CaseForm::setFieldMarks(const QHash<QString, FieldSyncMark> &marks)
{
    const LookupLabel lookup = m_lookup
        ? LookupLabel([this](const QString &page, const QString &key) { return m_lookup->label(page, key); })
        : LookupLabel();
    for (Row *row : std::as_const(m_rows)) {
        const FieldDef &f = row->editor->field();
        const auto it = marks.constFind(f.name);
        if (it == marks.constEnd()) {
            row->mark->clear();
            row->mark->setVisible(false);
            continue;
        }
        if (it->state == FieldSyncMark::Conflict) {
            row->mark->setText(
                tr("Conflict: yours %1, on the server %2. Resolve it above.")
                    .arg(formatFieldValue(&f, it->mine, lookup), formatFieldValue(&f, it->theirs, lookup)));
            row->mark->setStyleSheet(QStringLiteral("color: #b3261e; font-weight: bold;"));
        } else {
            row->mark->setText(tr("Saved on this device, not sent yet"));
            row->mark->setStyleSheet(QStringLiteral("color: #8a5a00;"));
        }
        row->mark->setAccessibleName(tr("%1: %2").arg(f.label, row->mark->text()));
        row->mark->setVisible(true);
    }
}

QString CaseForm::fieldMarkText(const QString &field) const
{
    for (const Row *row : m_rows)
        if (row->editor->field().name == field)
            return row->mark->isHidden() ? QString() : row->mark->text();
    return {};
}

} // namespace outpost::ui
