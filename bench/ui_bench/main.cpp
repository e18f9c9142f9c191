// SPDX-License-Identifier: MIT
// ui_bench: the desktop app's figures with its real wiring (AppSession, SyncController, the
// worklist model bound to the MainWindow), JSON lines on stdout.
//   ui_bench sync   --server URL --profile DIR --user U --password P [--expect N]
//       signs in online on an empty profile and measures the GUI thread during the first (full)
//       sync with a 5 ms heartbeat timer: largest gap, percentiles, and what ran in the longest gaps.
//       --search TEXT / --sort COLUMN: with this search typed and the list sorted by this column
//       (descending) as soon as the worklist shows, so that every reload during the sync filters
//       and sorts.
//   ui_bench signin --server URL --profile DIR --user U --password P
//       signs in through the sign-in dialog on a filled store (online, or offline when the server
//       is down) and measures click → worklist painted with rows, in parts; then applies search
//       filters through the search box and measures each until the table is painted again.
//   ui_bench tablet --server URL --profile DIR --user U --password P
//       signs in as signin does, makes the window a portrait tablet (800×1280: the tablet
//       arrangement), then opens a case from the worklist and goes back, 20 times each: the time
//       from the tap to the page painted with the case (or the list) again.
// The driver is event-driven (timers and signals): no nested event loops.
#include "appsession.h"
#include "casespane.h"
#include "caseview.h"
#include "mainwindow.h"
#include "signindialog.h"
#include "synccontroller.h"
#include "tabletshell.h"
#include "translations.h"
#include "worklistfilterproxy.h"
#include "worklistmodel.h"
#include "worklistroles.h"
#include "worklistview.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

using namespace outpost;
using namespace outpost::ui;

namespace {

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double ms(qint64 ns)
{
    return qRound64(double(ns) / 1e4) / 100.0; // 0.01 ms resolution
}

void emitLine(QJsonObject o)
{
    o.insert("bench", "ui");
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

/// What the GUI thread was doing, as far as the app's signals tell: one entry per event.
struct Event {
    qint64 at;
    QString what;
};
std::vector<Event> g_events;
void note(const QString &what)
{
    g_events.push_back({ nowNs(), what });
}

/// Log lines of the app (its own timings) with the moment they were written.
struct LogLine {
    qint64 at;
    QString text;
};
std::vector<LogLine> g_log;
QtMessageHandler g_previous = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    if (type == QtInfoMsg || type == QtWarningMsg || type == QtCriticalMsg)
        g_log.push_back({ nowNs(), QString::fromLatin1(ctx.category ? ctx.category : "") + ": " + msg });
    if (type != QtInfoMsg && g_previous)
        g_previous(type, ctx, msg);
}

/// A heartbeat on the GUI thread: every tick records the time since the previous one.
class Heartbeat : public QObject
{
public:
    explicit Heartbeat(int intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 t = nowNs();
            m_gaps.push_back({ m_last, t });
            m_last = t;
        });
    }
    void start()
    {
        m_last = nowNs();
        m_timer.start();
    }
    int interval() const { return m_timer.interval(); }

    /// Gaps that ended within [from, to].
    std::vector<std::pair<qint64, qint64>> gaps(qint64 from, qint64 to) const
    {
        std::vector<std::pair<qint64, qint64>> out;
        for (const auto &g : m_gaps)
            if (g.second >= from && g.second <= to)
                out.push_back(g);
        return out;
    }

    QJsonObject stats(qint64 from, qint64 to, int top) const
    {
        auto gs = gaps(from, to);
        std::vector<double> lens;
        for (const auto &g : gs)
            lens.push_back(ms(g.second - g.first));
        std::vector<double> sorted = lens;
        std::sort(sorted.begin(), sorted.end());
        const auto pct = [&](double p) {
            if (sorted.empty())
                return 0.0;
            const size_t i = std::min(sorted.size() - 1, size_t(p * double(sorted.size())));
            return sorted[i];
        };
        int over50 = 0, over16 = 0;
        for (double l : lens) {
            over50 += l > 50;
            over16 += l > 16.7;
        }
        QJsonObject o { { "heartbeat_ms", interval() }, { "ticks", int(lens.size()) },
            { "gap_max_ms", sorted.empty() ? 0.0 : sorted.back() }, { "gap_p50_ms", pct(0.50) },
            { "gap_p99_ms", pct(0.99) }, { "gap_p999_ms", pct(0.999) }, { "gaps_over_50ms", over50 },
            { "gaps_over_16ms", over16 } };
        // The longest gaps with the app's events that ran inside them.
        std::vector<size_t> order(gs.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return gs[a].second - gs[a].first > gs[b].second - gs[b].first; });
        QJsonArray worst;
        for (size_t k = 0; k < order.size() && int(k) < top; ++k) {
            const auto &g = gs[order[k]];
            QJsonArray inside;
            for (const Event &e : g_events)
                if (e.at >= g.first && e.at <= g.second)
                    inside.append(QStringLiteral("+%1 ms %2").arg(ms(e.at - g.first)).arg(e.what));
            worst.append(QJsonObject { { "gap_ms", ms(g.second - g.first) }, { "at_ms", ms(g.first - from) },
                { "events", inside } });
        }
        o.insert("longest_gaps", worst);
        return o;
    }

private:
    QTimer m_timer;
    qint64 m_last = 0;
    std::vector<std::pair<qint64, qint64>> m_gaps;
};

/// Calls `then` once `ready` holds (checked every millisecond on the event loop).
void when(QObject *context, std::function<bool()> ready, std::function<void()> then, int timeoutMs = 600000,
    const char *what = "condition")
{
    auto *t = new QTimer(context);
    t->setInterval(1);
    const qint64 deadline = nowNs() + qint64(timeoutMs) * 1000000;
    QObject::connect(t, &QTimer::timeout, context, [t, ready, then, deadline, what] {
        if (ready()) {
            t->deleteLater();
            t->stop();
            then();
        } else if (nowNs() > deadline) {
            std::fprintf(stderr, "ui_bench: timed out waiting for %s\n", what);
            QCoreApplication::exit(3);
        }
    });
    t->start();
}

/// Counts paints of the worklist table while it shows rows.
class PaintWatch : public QObject
{
public:
    PaintWatch(QTableView *table)
        : m_table(table)
    {
        table->viewport()->installEventFilter(this);
    }
    int paintsWithRows = 0;
    qint64 lastPaintStart = 0;
    qint64 lastPaintEnd = 0;

protected:
    bool eventFilter(QObject *o, QEvent *e) override
    {
        if (m_inside || e->type() != QEvent::Paint || !m_table->model() || m_table->model()->rowCount() == 0)
            return false;
        lastPaintStart = nowNs();
        // Deliver the paint here (the filter lets it through this time) so that its end is known.
        m_inside = true;
        QCoreApplication::sendEvent(o, e);
        m_inside = false;
        lastPaintEnd = nowNs();
        ++paintsWithRows;
        return true;
    }

private:
    QTableView *m_table;
    bool m_inside = false;
};

struct Args {
    QString mode;
    QString server;
    QString profile;
    QString user;
    QString password;
    int expect = 0;
    QString search;
    int sortColumn = -1;
};

/// A number from the app's log lines, e.g. "read in 123 ms" → 123.
double logNumber(const QRegularExpression &re, qint64 *at = nullptr)
{
    for (auto it = g_log.rbegin(); it != g_log.rend(); ++it) {
        const auto m = re.match(it->text);
        if (m.hasMatch()) {
            if (at)
                *at = it->at;
            return m.captured(1).toDouble();
        }
    }
    return -1;
}

class Bench : public QObject
{
public:
    Bench(const Args &a)
        : m_args(a)
        , m_settingsFile(m_tmp.filePath("outpost.conf"))
        , m_settings(m_settingsFile, QSettings::IniFormat)
        , m_window(m_settings)
        , m_beat(5)
    {
        AppSession::Options o;
        o.profileDir = a.profile;
        o.keychainService = QStringLiteral("outpost-uibench");
        m_session = std::make_unique<AppSession>(&m_window, o);
        m_session->attachSignInDialog(&m_dialog);
        QObject::connect(m_session.get(), &AppSession::started, this, [this] {
            m_started = nowNs();
            note("AppSession::started");
            m_window.show(); // as app/main.cpp does
            bindProbes();
            if (!m_args.search.isEmpty())
                m_window.worklist()->searchEdit()->setText(m_args.search);
            if (m_args.sortColumn >= 0)
                m_window.worklist()->table()->sortByColumn(m_args.sortColumn, Qt::DescendingOrder);
        });
    }

    void run()
    {
        m_dialog.setServer(m_args.server);
        m_dialog.findChild<QLineEdit *>("user")->setText(m_args.user);
        m_dialog.findChild<QLineEdit *>("password")->setText(m_args.password);
        m_dialog.show();
        // Let the dialog settle (shown, painted), then click.
        QTimer::singleShot(300, this, [this] {
            m_beat.start();
            m_click = nowNs();
            note("click Sign in");
            m_dialog.findChild<QPushButton *>("signInButton")->click();
            if (m_args.mode == QLatin1String("sync"))
                waitForSync();
            else
                waitForWorklist();
        });
    }

private:
    void bindProbes()
    {
        sync::SyncController *c = m_session->controller();
        StoreWorklistModel *m = m_session->worklistModel();
        connect(c, &sync::SyncController::casesChanged, this, [](const QStringList &ids) {
            note(QStringLiteral("casesChanged(%1 ids) handled").arg(ids.size()));
        });
        connect(c, &sync::SyncController::progress, this, [](const QString &phase, int done, int) {
            note(QStringLiteral("progress %1 %2 handled").arg(phase).arg(done));
        });
        connect(c, &sync::SyncController::pendingCountChanged, this,
            [](int n) { note(QStringLiteral("pendingCountChanged(%1) handled").arg(n)); });
        connect(c, &sync::SyncController::cycleFinished, this,
            [this](bool ok, const QString &code, const QString &) {
                note(QStringLiteral("cycleFinished(%1 %2) handled").arg(ok).arg(code));
                if (!m_cycleDone) {
                    m_cycleDone = nowNs();
                    m_cycleOk = ok;
                }
            });
        connect(m, &QAbstractItemModel::modelAboutToBeReset, this,
            [m] { note(QStringLiteral("worklist reset begins (%1 rows)").arg(m->rowCount())); });
        connect(m, &QAbstractItemModel::modelReset, this,
            [m] { note(QStringLiteral("worklist reset done (%1 rows)").arg(m->rowCount())); });
        connect(m, &QAbstractItemModel::rowsInserted, this, [](const QModelIndex &, int first, int last) {
            note(QStringLiteral("worklist rows inserted (%1)").arg(last - first + 1));
        });
        connect(m, &QAbstractItemModel::dataChanged, this, [](const QModelIndex &a, const QModelIndex &b) {
            note(QStringLiteral("worklist dataChanged (%1 rows)").arg(b.row() - a.row() + 1));
        });
        m_paints = std::make_unique<PaintWatch>(m_window.worklist()->table());
    }

    QJsonObject sessionLogParts()
    {
        QJsonObject o;
        qint64 lineAt = 0;
        static const QRegularExpression readRe(QStringLiteral("cases read in (\\d+) ms"));
        static const QRegularExpression setRe(QStringLiteral("worklist set (\\d+) ms after sign-in"));
        static const QRegularExpression verifyRe(QStringLiteral("store verified in (\\d+) ms"));
        const double readMs = logNumber(readRe);
        const double setMs = logNumber(setRe, &lineAt);
        const double verifyMs = logNumber(verifyRe);
        if (setMs >= 0 && lineAt) {
            const qint64 signedIn = lineAt - qint64(setMs * 1e6);
            o.insert("click_to_signed_in_ms", ms(signedIn - m_click));
            o.insert("signed_in_to_rows_read_ms", readMs);
            o.insert("rows_read_to_model_set_ms", setMs - readMs);
            o.insert("signed_in_to_model_set_ms", setMs);
            o.insert("signed_in_to_painted_ms", ms(m_paints->lastPaintEnd - signedIn));
        }
        if (verifyMs >= 0)
            o.insert("store_verify_ms", verifyMs);
        o.insert("started_to_painted_ms", ms(m_paints->lastPaintEnd - m_started));
        o.insert("first_paint_ms", ms(m_paints->lastPaintEnd - m_paints->lastPaintStart));
        return o;
    }

    void waitForWorklist()
    {
        when(
            this, [this] { return m_paints && m_paints->paintsWithRows > 0; },
            [this] {
                const qint64 painted = m_paints->lastPaintEnd;
                QJsonObject o { { "name", "signin_to_worklist" },
                    { "rows", m_session->worklistModel()->rowCount() },
                    { "offline", m_session->signedInOffline() },
                    { "click_to_painted_ms", ms(painted - m_click) }, { "target_ms_after_sign_in", 300 } };
                const QJsonObject parts = sessionLogParts();
                for (auto it = parts.begin(); it != parts.end(); ++it)
                    o.insert(it.key(), it.value());
                o.insert("gui_thread", m_beat.stats(m_click, painted, 3));
                emitLine(o);
                // Searching starts once the first sync (if online) is out of the way.
                if (m_args.mode == QLatin1String("tablet"))
                    QTimer::singleShot(1500, this, [this] { startTablet(); });
                else
                    QTimer::singleShot(1500, this, [this] { search(0); });
            },
            120000, "the worklist");
    }

    void search(int i)
    {
        static const QStringList queries = { QStringLiteral("s"), QStringLiteral("su"), QStringLiteral("sub"),
            QStringLiteral("substation 17"), QStringLiteral("C-4999"), QStringLiteral("NB-12"),
            QStringLiteral("no such thing"), QString() };
        if (i >= queries.size()) {
            QCoreApplication::quit();
            return;
        }
        QLineEdit *edit = m_window.worklist()->searchEdit();
        const int paintsBefore = m_paints->paintsWithRows;
        const qint64 t0 = nowNs();
        edit->setText(queries.at(i)); // what typing does: textChanged → filter
        const qint64 filtered = nowNs();
        m_window.worklist()->table()->viewport()->update(); // painted even when the rows stay the same
        const QString q = queries.at(i);
        // Painted again (or nothing to paint: no row matches).
        when(
            this,
            [this, paintsBefore] {
                return m_paints->paintsWithRows > paintsBefore
                    || m_window.worklist()->proxy()->rowCount() == 0;
            },
            [this, i, t0, filtered, q] {
                const qint64 end
                    = m_window.worklist()->proxy()->rowCount() == 0 ? nowNs() : m_paints->lastPaintEnd;
                emitLine({ { "name", "search_filter" }, { "query", q },
                    { "rows", m_session->worklistModel()->rowCount() },
                    { "shown", m_window.worklist()->proxy()->rowCount() }, { "filter_ms", ms(filtered - t0) },
                    { "filter_and_paint_ms", ms(end - t0) }, { "target_ms", 100 } });
                QTimer::singleShot(200, this, [this, i] { search(i + 1); });
            },
            30000, "the filtered table");
    }

    void startTablet()
    {
        m_window.resize(800, 1280);
        CasesPane *pane = m_window.findChild<CasesPane *>();
        when(
            this, [pane] { return pane->isTablet() && pane->tabletShell()->isVisible(); },
            [this] { QTimer::singleShot(300, this, [this] { tabletSwitch(0); }); }, 10000,
            "the tablet arrangement");
    }

    /// Switch `i`: even ones open the case of row i/2 (as a tap does), odd ones go back. Each is
    /// timed from the tap to the end of the shell's repaint (the page that changes; toolbar, tabs and
    /// status bar stay), with the layouts posted by the switch.
    void tabletSwitch(int i)
    {
        constexpr int kSwitches = 40;
        TabletShell *shell = m_window.findChild<CasesPane *>()->tabletShell();
        if (i >= kSwitches) {
            const auto summary = [](std::vector<double> v) {
                std::sort(v.begin(), v.end());
                return QJsonObject { { "n", int(v.size()) }, { "min_ms", v.front() },
                    { "median_ms", v[v.size() / 2] }, { "max_ms", v.back() } };
            };
            emitLine(
                { { "name", "tablet_switch_summary" }, { "rows", m_session->worklistModel()->rowCount() },
                    { "window", "800x1280" }, { "open_case", summary(m_openMs) },
                    { "back_to_list", summary(m_backMs) }, { "target_ms", 50 } });
            QCoreApplication::quit();
            return;
        }
        const bool open = i % 2 == 0;
        QTableView *table = m_window.worklist()->table();
        const QModelIndex row = table->model()->index((i / 2) * 7 % qMax(1, table->model()->rowCount()), 0);
        const QString id = row.data(CaseIdRole).toString();
        const qint64 t0 = nowNs();
        if (open) {
            table->selectRow(row.row());
            Q_EMIT m_window.worklist()->caseActivated(id); // what a tap on the card does
        } else {
            shell->showList();
        }
        const qint64 handled = nowNs();
        QCoreApplication::sendPostedEvents(); // the layouts the switch asked for
        shell->repaint(); // what the switch changes: the page under the toolbar and tabs
        const qint64 painted = nowNs();
        const bool ok = open ? m_window.caseView()->isVisible() && m_window.caseView()->caseId() == id
                             : m_window.worklist()->isVisible();
        (open ? m_openMs : m_backMs).push_back(ms(painted - t0));
        emitLine({ { "name", "tablet_switch" }, { "to", open ? "case" : "list" }, { "case", id },
            { "ok", ok }, { "handled_ms", ms(handled - t0) }, { "painted_ms", ms(painted - t0) },
            { "target_ms", 50 } });
        if (!ok) {
            std::fprintf(
                stderr, "ui_bench: the tablet switch %d did not show the %s\n", i, open ? "case" : "list");
            QCoreApplication::exit(3);
            return;
        }
        QTimer::singleShot(150, this, [this, i] { tabletSwitch(i + 1); });
    }

    void waitForSync()
    {
        // Done: the first cycle finished, the worklist holds every row and no reload is pending, and
        // nothing happened for a second.
        when(
            this,
            [this] {
                if (!m_cycleDone || !m_session->worklistModel())
                    return false;
                StoreWorklistModel *m = m_session->worklistModel();
                if (m->isLoading() || m->rowCount() < m_args.expect)
                    return false;
                return nowNs() - std::max(m_cycleDone, g_events.back().at) > 1000000000LL;
            },
            [this] {
                const qint64 end = std::max(m_cycleDone, g_events.back().at);
                QJsonObject o { { "name", "full_sync_gui_thread" }, { "ok", m_cycleOk },
                    { "search", m_args.search }, { "sort_column", m_args.sortColumn },
                    { "shown", m_window.worklist()->proxy()->rowCount() },
                    { "rows", m_session->worklistModel()->rowCount() },
                    { "sync_seconds", ms(m_cycleDone - m_started) / 1000.0 },
                    { "until_worklist_complete_seconds", ms(end - m_started) / 1000.0 },
                    { "target_max_gap_ms", 50 } };
                o.insert("gui_thread", m_beat.stats(m_started, end, 6));
                o.insert("sign_in_gui_thread", m_beat.stats(m_click, m_started, 2));
                emitLine(o);
                QCoreApplication::quit();
            },
            600000, "the full sync");
    }

    Args m_args;
    QTemporaryDir m_tmp;
    QString m_settingsFile;
    QSettings m_settings;
    MainWindow m_window;
    SignInDialog m_dialog;
    std::unique_ptr<AppSession> m_session;
    std::unique_ptr<PaintWatch> m_paints;
    Heartbeat m_beat;
    qint64 m_click = 0;
    qint64 m_started = 0;
    std::vector<double> m_openMs;
    std::vector<double> m_backMs;
    qint64 m_cycleDone = 0;
    bool m_cycleOk = false;
};

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("outpost-uibench"));
    initResources();
    QCommandLineParser p;
    p.addPositionalArgument("mode", "sync | signin | tablet");
    p.addOptions(
        { { "server", "server URL", "url" }, { "profile", "profile dir", "dir" }, { "user", "user", "user" },
            { "password", "password", "password" }, { "expect", "rows the full sync brings", "n", "0" },
            { "search", "sync: search text typed while syncing", "text" },
            { "sort", "sync: column sorted by while syncing", "column", "-1" } });
    p.process(app);
    Args a;
    a.mode = p.positionalArguments().value(0);
    a.server = p.value("server");
    a.profile = p.value("profile");
    a.user = p.value("user");
    a.password = p.value("password");
    a.expect = p.value("expect").toInt();
    a.search = p.value("search");
    a.sortColumn = p.value("sort").toInt();
    if ((a.mode != QLatin1String("sync") && a.mode != QLatin1String("signin")
            && a.mode != QLatin1String("tablet"))
        || a.server.isEmpty() || a.profile.isEmpty() || a.user.isEmpty()) {
        std::fprintf(
            stderr, "usage: ui_bench sync|signin|tablet --server URL --profile DIR --user U --password P\n");
        return 2;
    }
    g_previous = qInstallMessageHandler(captureLog);
    Bench bench(a);
    bench.run();
    return app.exec();
}
