// SPDX-License-Identifier: MIT
#include "conflictdialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace outpost::ui {

ConflictDialog::ConflictDialog(const CaseType &type, const QString &caseLabel, const QList<ConflictEntry> &entries,
                               const LookupSource *lookup, QWidget *parent)
    : QDialog(parent), m_model(new ConflictModel(type, lookup, this)), m_view(new QTableView(this))
{
    setWindowTitle(tr("Resolve conflict: %1").arg(caseLabel));
    m_model->setEntries(entries);

    auto *intro = new QLabel(tr("These fields were changed both here and on the server. "
                                "For each field, tick the value to keep."),
                             this);
    intro->setWordWrap(true);

    m_view->setObjectName(QStringLiteral("conflictTable"));
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Conflicting fields"));
    m_view->setAccessibleDescription(tr("Move to the Mine or Server cell and press Space to choose it."));
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(ConflictModel::FieldColumn, QHeaderView::ResizeToContents);
    m_view->setCurrentIndex(m_model->index(0, ConflictModel::MineColumn));

    auto *allMine = new QPushButton(tr("Keep all mine"), this);
    auto *allTheirs = new QPushButton(tr("Take all from server"), this);
    connect(allMine, &QPushButton::clicked, this, [this] { m_model->chooseAll(ConflictModel::Side::Mine); });
    connect(allTheirs, &QPushButton::clicked, this, [this] { m_model->chooseAll(ConflictModel::Side::Theirs); });
    auto *quick = new QHBoxLayout;
    quick->addWidget(allMine);
    quick->addWidget(allTheirs);
    quick->addStretch(1);

    auto *buttons = new QDialogButtonBox(this);
    m_resolve = buttons->addButton(tr("Resolve"), QDialogButtonBox::AcceptRole);
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    buttons->addButton(tr("Later"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_model->allChosen())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_model, &ConflictModel::choicesChanged, this, &ConflictDialog::updateResolve);

    auto *lay = new QVBoxLayout(this);
    lay->addWidget(intro);
    lay->addWidget(m_view, 1);
    lay->addLayout(quick);
    lay->addWidget(buttons);
    setTabOrder(m_view, allMine);
    setTabOrder(allMine, allTheirs);
    setTabOrder(allTheirs, m_resolve);
    resize(760, qMin(620, 200 + int(entries.size()) * (m_view->verticalHeader()->defaultSectionSize() + 4)));
    updateResolve();
}

QList<ConflictEntry> ConflictDialog::entriesFrom(const QStringList &fields, const QJsonObject &base,
                                                 const QJsonObject &mine, const QJsonObject &theirs)
{
    QList<ConflictEntry> out;
    for (const QString &f : fields)
        out.append({f, base.value(f), mine.value(f), theirs.value(f)});
    return out;
}

void ConflictDialog::updateResolve()
{
    const bool ok = m_model->allChosen();
    m_resolve->setEnabled(ok);
    m_resolve->setToolTip(ok ? QString() : tr("Choose a value for every field first."));
}

} // namespace outpost::ui
