// SPDX-License-Identifier: MIT
#include "worklistview.h"

#include "worklistcarddelegate.h"
#include "worklistfilterproxy.h"
#include "worklistroles.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace outpost::ui {

namespace {
void fillCombo(QComboBox *combo, const QString &allText, const QMap<QString, QString> &values)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(allText, QString());
    for (auto it = values.begin(); it != values.end(); ++it)
        combo->addItem(it.value(), it.key());
    combo->setCurrentIndex(qMax(0, combo->findData(current)));
}
} // namespace

WorklistView::WorklistView(QWidget *parent)
    : QWidget(parent)
    , m_proxy(new WorklistFilterProxy(this))
    , m_cardDelegate(new WorklistCardDelegate(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_type(new QComboBox(this))
    , m_queue(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("worklistView"));
    m_search->setObjectName(QStringLiteral("worklistSearch"));
    m_search->setPlaceholderText(tr("Search cases (id, title, site…)"));
    m_search->setAccessibleName(tr("Search cases"));
    m_search->setClearButtonEnabled(true);
    m_status->setAccessibleName(tr("Filter by status"));
    m_type->setAccessibleName(tr("Filter by case type"));
    m_queue->setAccessibleName(tr("Filter by queue"));
    m_status->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_type->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_queue->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_count->setObjectName(QStringLiteral("worklistCount"));

    m_table->setObjectName(QStringLiteral("worklistTable"));
    m_table->setModel(m_proxy);
    m_table->setAccessibleName(tr("Worklist"));
    // Until the technician clicks a header the rows keep the model's order (the store delivers the
    // most recently updated first); sorting 50,000 rows on every show would cost ~0.4 s.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);
    m_table->horizontalHeader()->setSortIndicatorClearable(true);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setResizeContentsPrecision(200); // sample rows, not all 50,000
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &WorklistFilterProxy::setSearchText);
    connect(m_status, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setStatusFilter(m_status->currentData().toString()); });
    connect(m_type, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setTypeFilter(m_type->currentData().toString()); });
    connect(m_queue, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setQueueFilter(m_queue->currentData().toString()); });
    connect(m_table, &QTableView::activated, this, &WorklistView::activate);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &i) {
        if (m_singleTap || m_cards)
            activate(i);
    });
    for (auto sig : { &QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved })
        connect(m_proxy, sig, this, &WorklistView::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WorklistView::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &WorklistView::updateCount);
    // A new model brings new columns: in card mode only the first stays visible.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &WorklistView::applyCardMode);
    connect(m_proxy, &QAbstractItemModel::columnsInserted, this, &WorklistView::applyCardMode);

    // Search on its own row so that it stays wide in narrow panes and with touch-sized filters.
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_status);
    filterRow->addWidget(m_type);
    filterRow->addWidget(m_queue);
    filterRow->addStretch(1);
    auto *lay = new QVBoxLayout(this);
    lay->setContentsMargins(0, 0, 0, 0);
    lay->addLayout(searchRow);
    lay->addLayout(filterRow);
    lay->addWidget(m_table, 1);
    setTabOrder(m_search, m_status);
    setTabOrder(m_status, m_type);
    setTabOrder(m_type, m_queue);
    setTabOrder(m_queue, m_table);
    refreshFilterChoices();
}

void WorklistView::setModel(QAbstractItemModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_proxy->setSourceModel(model);
    if (model) {
        // Collected once per event-loop turn however many rows a sync touches.
        const auto later = [this] {
            if (m_refreshPending)
                return;
            m_refreshPending = true;
            QMetaObject::invokeMethod(this, &WorklistView::refreshFilterChoices, Qt::QueuedConnection);
        };
        connect(model, &QAbstractItemModel::modelReset, this, later);
        connect(model, &QAbstractItemModel::rowsInserted, this, later);
        connect(model, &QAbstractItemModel::dataChanged, this, later);
    }
    m_table->resizeColumnsToContents();
    refreshFilterChoices();
    updateCount();
}

QString WorklistView::currentCaseId() const
{
    const QModelIndex i = m_table->currentIndex();
    return i.isValid() ? i.siblingAtColumn(0).data(CaseIdRole).toString() : QString();
}

void WorklistView::refreshFilterChoices()
{
    m_refreshPending = false;
    QMap<QString, QString> statuses;
    QMap<QString, QString> types;
    QMap<QString, QString> queues;
    // A large model lists the values itself (FilterChoicesRole); otherwise every row is visited.
    const QVariant offered = m_model ? m_model->headerData(0, Qt::Horizontal, FilterChoicesRole) : QVariant();
    if (offered.isValid()) {
        const QVariantMap all = offered.toMap();
        const auto read = [&all](const char *key, QMap<QString, QString> *into) {
            const QVariantMap m = all.value(QLatin1String(key)).toMap();
            for (auto it = m.begin(); it != m.end(); ++it)
                into->insert(it.key(), it.value().toString());
        };
        read("status", &statuses);
        read("type", &types);
        read("queue", &queues);
    }
    const int rows = m_model && !offered.isValid() ? m_model->rowCount() : 0;
    for (int r = 0; r < rows; ++r) {
        const QModelIndex i = m_model->index(r, 0);
        const QString status = i.data(StatusRole).toString();
        const QString type = i.data(CaseTypeRole).toString();
        const QString queue = i.data(QueueRole).toString();
        if (!status.isEmpty())
            statuses.insert(status, status);
        if (!type.isEmpty()) {
            const QString title = i.data(CaseTypeTitleRole).toString();
            types.insert(type, title.isEmpty() ? type : title);
        }
        if (!queue.isEmpty())
            queues.insert(queue, queue);
    }
    fillCombo(m_status, tr("All statuses"), statuses);
    fillCombo(m_type, tr("All types"), types);
    fillCombo(m_queue, tr("All queues"), queues);
}

void WorklistView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString id = index.siblingAtColumn(0).data(CaseIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT caseActivated(id);
}

void WorklistView::setCardMode(bool cards)
{
    if (cards == m_cards)
        return;
    m_cards = cards;
    QHeaderView *rows = m_table->verticalHeader();
    if (cards) {
        m_tableRowHeight = rows->defaultSectionSize();
        rows->setDefaultSectionSize(WorklistCardDelegate::cardHeight(m_table->font()));
    } else {
        rows->setDefaultSectionSize(m_tableRowHeight);
    }
    m_table->setItemDelegateForColumn(0, cards ? m_cardDelegate : nullptr);
    m_table->horizontalHeader()->setVisible(!cards);
    m_table->setShowGrid(!cards);
    m_table->setAlternatingRowColors(!cards);
    m_table->setVerticalScrollMode(
        cards ? QAbstractItemView::ScrollPerPixel : QAbstractItemView::ScrollPerItem);
    applyCardMode();
    if (!cards)
        m_table->resizeColumnsToContents(); // the columns were squeezed while only the cards showed
}

void WorklistView::setRowHeight(int pixels)
{
    if (m_cards)
        m_tableRowHeight = pixels;
    else
        m_table->verticalHeader()->setDefaultSectionSize(pixels);
}

void WorklistView::applyCardMode()
{
    for (int c = 1; c < m_proxy->columnCount(); ++c)
        m_table->setColumnHidden(c, m_cards);
}

void WorklistView::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model ? m_model->rowCount() : 0;
    m_count->setText(
        shown == total ? tr("%n case(s)", nullptr, total) : tr("%1 of %2").arg(shown).arg(total));
}

} // namespace outpost::ui
