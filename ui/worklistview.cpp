// SPDX-License-Identifier: MIT
#include "worklistview.h"

#include "worklistcarddelegate.h"
#include "worklistdelegate.h"
#include "worklistfilterproxy.h"
#include "worklistroles.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QResizeEvent>
#include <QSet>
#include <QSettings>
#include <QTableView>
#include <QToolButton>
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

const QString kWidthsKey = QStringLiteral("worklist/columnWidths");
constexpr int kMaxFittedWidth = 180; // a column sized to its content (the title has its own)

QToolButton *quickFilter(const QString &name, const QString &text, const QString &help, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setObjectName(name);
    b->setText(text);
    b->setToolTip(help);
    b->setAccessibleName(text);
    b->setCheckable(true);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
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
    , m_mine(
          quickFilter(QStringLiteral("filterMine"), tr("Mine"), tr("Only the cases assigned to you"), this))
    , m_dueToday(quickFilter(QStringLiteral("filterDueToday"), tr("Due today"),
          tr("Only the cases due later today (with Overdue: due today or overdue)"), this))
    , m_overdue(quickFilter(QStringLiteral("filterOverdue"), tr("Overdue"),
          tr("Only the cases whose due time has passed"), this))
    , m_pending(quickFilter(QStringLiteral("filterPending"), tr("Pending", "has pending changes"),
          tr("Only the cases with pending changes: not yet sent, in conflict or refused"), this))
    , m_quickBar(new QWidget(this))
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
    m_table->setItemDelegate(new WorklistDelegate(m_table));
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->installEventFilter(this);
    updateRowHeight();
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, [this](int section) {
        // A width the technician chose is kept; the stretched last column follows the pane.
        if (!m_fitting && !m_cards && m_model && section < m_table->horizontalHeader()->count() - 1)
            saveColumnWidths();
    });

    // The arrow keys open the row they stop on (once they rest), the focus stays in the list.
    m_keyboardOpen.setSingleShot(true);
    m_keyboardOpen.setInterval(KeyboardOpenDelayMs);
    connect(&m_keyboardOpen, &QTimer::timeout, this, [this] {
        const bool hadFocus = m_table->hasFocus();
        activate(m_table->currentIndex());
        if (hadFocus && !m_table->hasFocus())
            m_table->setFocus(Qt::OtherFocusReason);
    });
    // Due marks follow the clock: "Today" turns "Overdue" without a reload.
    m_tick.setInterval(60 * 1000);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (m_proxy->quickFilters() & (WorklistFilterProxy::DueToday | WorklistFilterProxy::Overdue))
            m_proxy->setNow({});
        m_table->viewport()->update();
    });
    m_tick.start();

    connect(m_search, &QLineEdit::textChanged, m_proxy, &WorklistFilterProxy::setSearchText);
    connect(m_status, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setStatusFilter(m_status->currentData().toString()); });
    connect(m_type, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setTypeFilter(m_type->currentData().toString()); });
    connect(m_queue, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setQueueFilter(m_queue->currentData().toString()); });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &i) {
        // A double-click is a click first, which opened the row already.
        if (!std::exchange(m_doubleClicked, false) || !m_singleTap)
            activate(i);
    });
    connect(m_table, &QTableView::doubleClicked, this, [this] { m_doubleClicked = true; });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &i) {
        m_doubleClicked = false;
        if (m_singleTap || m_cards)
            activate(i);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (std::exchange(m_keyboardMove, false))
            m_keyboardOpen.start();
    });
    for (QToolButton *b : { m_mine, m_dueToday, m_overdue, m_pending })
        connect(b, &QToolButton::toggled, this, &WorklistView::updateQuickFilters);
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
    m_filterRow = new QHBoxLayout;
    m_filterRow->addWidget(m_status);
    m_filterRow->addWidget(m_type);
    m_filterRow->addWidget(m_queue);
    m_filterRow->addSpacing(8);
    auto *quick = new QHBoxLayout(m_quickBar);
    quick->setContentsMargins(0, 0, 0, 0);
    for (QToolButton *b : { m_mine, m_dueToday, m_overdue, m_pending }) {
        b->setParent(m_quickBar);
        // Never squeezed below their words ("Heute fällig" cut to "eute fälli"): the row wraps.
        b->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        quick->addWidget(b);
    }
    quick->addStretch(1);
    m_filterRow->addWidget(m_quickBar, 1);
    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->addLayout(searchRow);
    m_layout->addLayout(m_filterRow);
    m_layout->addWidget(m_table, 1);
    // The filters may be cut rather than squeeze the case beside the list.
    m_search->setMinimumWidth(120);
    setTabOrder(m_search, m_status);
    setTabOrder(m_status, m_type);
    setTabOrder(m_type, m_queue);
    setTabOrder(m_queue, m_mine);
    setTabOrder(m_mine, m_dueToday);
    setTabOrder(m_dueToday, m_overdue);
    setTabOrder(m_overdue, m_pending);
    setTabOrder(m_pending, m_table);
    refreshFilterChoices();
}

void WorklistView::setSettings(QSettings *settings)
{
    m_settings = settings;
}

QSettings *WorklistView::settings()
{
    if (m_settings)
        return m_settings;
    if (!m_ownSettings)
        m_ownSettings = new QSettings(this);
    return m_ownSettings;
}

void WorklistView::setTouchMode(bool on)
{
    m_touch = on;
    for (QToolButton *b : { m_mine, m_dueToday, m_overdue, m_pending })
        b->setMinimumHeight(on ? 44 : 0);
    updateRowHeight();
}

void WorklistView::updateRowHeight()
{
    // Two lines: the title, and the instructions under it.
    const QFontMetrics fm(m_table->font());
    const QFontMetrics small(WorklistDelegate::secondLineFont(m_table->font()));
    const int twoLines = fm.height() + small.height() + 12;
    setRowHeight(m_touch ? qMax(56, twoLines) : twoLines);
}

void WorklistView::updateQuickFilters()
{
    WorklistFilterProxy::QuickFilters f;
    if (m_mine->isChecked())
        f |= WorklistFilterProxy::Mine;
    if (m_dueToday->isChecked())
        f |= WorklistFilterProxy::DueToday;
    if (m_overdue->isChecked())
        f |= WorklistFilterProxy::Overdue;
    if (m_pending->isChecked())
        f |= WorklistFilterProxy::PendingChanges;
    m_proxy->setQuickFilters(f);
}

bool WorklistView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Home:
        case Qt::Key_End:
            m_keyboardMove = true; // consumed by the current row's change it causes
            break;
        default:
            break;
        }
    } else if (watched == m_table && event->type() == QEvent::KeyRelease) {
        m_keyboardMove = false;
    }
    return QWidget::eventFilter(watched, event);
}

void WorklistView::fitColumns()
{
    if (m_widthsSet || !m_model || m_proxy->rowCount() == 0)
        return;
    m_widthsSet = true;
    m_fitting = true;
    m_table->resizeColumnsToContents(); // sampled rows (setResizeContentsPrecision)
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        if (c != TitleColumn && header->sectionSize(c) > kMaxFittedWidth)
            header->resizeSection(c, kMaxFittedWidth);
    m_fitting = false;
}

void WorklistView::saveColumnWidths()
{
    QVariantList widths;
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        widths << header->sectionSize(c);
    settings()->setValue(kWidthsKey, widths);
    m_widthsSet = true;
}

bool WorklistView::restoreColumnWidths()
{
    const QVariantList widths = settings()->value(kWidthsKey).toList();
    QHeaderView *header = m_table->horizontalHeader();
    if (widths.isEmpty() || widths.size() != header->count())
        return false; // none yet, or another set of columns
    m_fitting = true;
    for (int c = 0; c + 1 < header->count(); ++c)
        header->resizeSection(c, qMax(header->minimumSectionSize(), widths.at(c).toInt()));
    m_fitting = false;
    return true;
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
        // Sized to the content once the first rows are in (all the rows added in one event-loop
        // turn), unless the technician chose widths.
        const auto fitLater = [this] {
            if (!m_widthsSet)
                QMetaObject::invokeMethod(this, &WorklistView::fitColumns, Qt::QueuedConnection);
        };
        connect(model, &QAbstractItemModel::modelReset, this, fitLater);
        connect(model, &QAbstractItemModel::rowsInserted, this, fitLater);
    }
    m_widthsSet = model && restoreColumnWidths();
    fitColumns();
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
    m_keyboardOpen.stop();
    if (!index.isValid())
        return;
    const QString id = index.siblingAtColumn(0).data(CaseIdRole).toString();
    if (id.isEmpty())
        return;
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
    if (!cards) { // the columns were squeezed while only the cards showed
        m_widthsSet = restoreColumnWidths();
        fitColumns();
    }
}

void WorklistView::setRowHeight(int pixels)
{
    if (m_cards)
        m_tableRowHeight = pixels;
    else
        m_table->verticalHeader()->setDefaultSectionSize(pixels);
}

void WorklistView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    arrangeFilters();
}

void WorklistView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange
        || event->type() == QEvent::LanguageChange)
        arrangeFilters();
}

void WorklistView::arrangeFilters()
{
    // The quick filters go beside the lists when the whole row fits (a desk), else on their own row
    // below (a portrait tablet, a narrow list pane, longer words in German).
    const int spacing = std::max(0, m_filterRow->spacing());
    int needed = 8 + m_quickBar->sizeHint().width();
    for (QWidget *w :
        { static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_type), static_cast<QWidget *>(m_queue) })
        needed += w->sizeHint().width() + spacing;
    const bool beside = width() >= needed;
    const bool isBeside = m_filterRow->indexOf(m_quickBar) >= 0;
    if (beside == isBeside)
        return;
    if (beside) {
        m_layout->removeWidget(m_quickBar);
        m_filterRow->addWidget(m_quickBar, 1);
    } else {
        m_filterRow->removeWidget(m_quickBar);
        m_layout->insertWidget(m_layout->indexOf(m_table), m_quickBar);
    }
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
