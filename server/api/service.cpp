// SPDX-License-Identifier: MIT
#include "service.h"

#include "apihandler.h"
#include "apilogging.h"
#include "demoseed.h"
#include "prunescheduler.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace outpost::server {

class ServiceImpl
{
public:
    ServiceImpl(const ServiceOptions &options, std::shared_ptr<Database> db, const QString &attachmentsDir)
        : m_db(std::move(db))
        , m_users(*m_db, options.pbkdf2Iterations, options.tokenTtlMinutes, options.minPasswordLength,
              options.offlineDays)
        , m_actions(*m_db, options.resultRetentionDays, options.maxSyncIssuesPerUser)
        , m_admin(*m_db, attachmentsDir)
        , m_attachments(*m_db, attachmentsDir)
        , m_devices(*m_db)
        , m_dispatch(*m_db)
        , m_notifier(*m_db)
        , m_throttle(options.signInThrottle)
        , m_passwords(options.hashThreads, options.hashQueue)
        , m_handler(ApiContext { options, *m_db, m_users, m_actions, m_admin, m_attachments, m_devices,
              m_dispatch, m_notifier, m_throttle, m_passwords })
        , m_retention(*m_db, options.feedRetentionDays, options.pruneBatchSeqs)
        , m_pruneInterval(options.pruneIntervalMinutes)
        , m_stuckHours(options.deviceStuckHours)
    { }

    std::shared_ptr<Database> m_db;
    UserStore m_users;
    ActionProcessor m_actions;
    AdminStore m_admin;
    AttachmentStore m_attachments;
    DeviceStore m_devices;
    DispatchStore m_dispatch;
    Notifier m_notifier;
    SignInThrottle m_throttle;
    PasswordPool m_passwords;
    ApiHandler m_handler;
    FeedRetention m_retention;
    std::chrono::minutes m_pruneInterval;
    int m_stuckHours = 24;
    std::unique_ptr<PruneScheduler> m_pruner; // first to go: stops before the database does
};

namespace {
Principal toPrincipal(const UserInfo &u)
{
    return Principal { u.id, u.displayName, u.roles, u.queues, {} };
}

QString defaultAttachmentsDir(const DbConfig &config)
{
    if (config.kind == DbKind::SQLite) {
        const QFileInfo fi(config.path);
        return fi.absoluteDir().filePath(fi.completeBaseName() + QStringLiteral("-attachments"));
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/outpostd/attachments");
}
} // namespace

Service::Service(std::unique_ptr<ServiceImpl> impl)
    : m_impl(std::move(impl))
{ }
Service::~Service() = default;

Result<std::unique_ptr<Service>> Service::open(const ServiceOptions &options)
{
    if (options.maxPageLimit < 1 || options.maxPageLimit > 5000)
        return Error(QStringLiteral("bad_config"), QStringLiteral("maxPageLimit must be 1..5000."));
    if (options.maxWriters < 1 || options.maxQueuedWriters < 0 || options.writeWaitMs < 0)
        return Error(QStringLiteral("bad_config"),
            QStringLiteral("maxWriters must be positive, maxQueuedWriters and writeWaitMs not negative."));
    if (options.pbkdf2Iterations < 1 || options.tokenTtlMinutes < 0 || options.resultRetentionDays < 30)
        return Error(QStringLiteral("bad_config"),
            QStringLiteral("pbkdf2Iterations must be positive, tokenTtlMinutes not negative and "
                           "resultRetentionDays at least 30."));
    if (options.minPasswordLength < 1 || options.hashThreads < 1 || options.hashQueue < 1
        || options.signInThrottle.userFreeFailures < 1 || options.signInThrottle.addressFreeFailures < 1
        || options.signInThrottle.baseDelaySeconds < 1
        || options.signInThrottle.maxDelaySeconds < options.signInThrottle.baseDelaySeconds)
        return Error(QStringLiteral("bad_config"),
            QStringLiteral("minPasswordLength, hashThreads, hashQueue and the sign-in throttle's failures "
                           "and delays must be positive (the longest delay at least the first)."));
    if (options.deviceStuckHours < 1 || options.deviceStuckHours > 24 * 365)
        return Error(QStringLiteral("bad_config"), QStringLiteral("deviceStuckHours must be 1..8760."));
    if (options.feedRetentionDays < 1 || options.feedRetentionDays > 36500 || options.pruneIntervalMinutes < 1
        || options.pruneBatchSeqs < 1)
        return Error(QStringLiteral("bad_config"),
            QStringLiteral("feedRetentionDays must be 1..36500, pruneIntervalMinutes and pruneBatchSeqs "
                           "positive."));
    auto config = DbConfig::parse(options.dbUrl);
    if (!config)
        return config.error();
    auto db = Database::open(config.value());
    if (!db)
        return db.error();
    // A SQLite file has one writer. A second write transaction let through would wait in SQLite's
    // busy handler, which polls with sleeps of up to 100 ms, so it starts well after the first
    // ended; waiting at the gate instead wakes it the moment the first one commits.
    const int writers = config.value().kind == DbKind::SQLite ? 1 : options.maxWriters;
    if (writers != options.maxWriters)
        qCInfo(lcApi).noquote() << "SQLite: one write transaction at a time (writers" << options.maxWriters
                                << "applies to PostgreSQL)";
    db.value()->writeGate().setLimits({ writers, options.maxQueuedWriters, options.writeWaitMs });
    const QString dir
        = options.attachmentsDir.isEmpty() ? defaultAttachmentsDir(config.value()) : options.attachmentsDir;
    qCInfo(lcApi).noquote() << "attachments in" << dir;
    return std::unique_ptr<Service>(
        new Service(std::make_unique<ServiceImpl>(options, std::move(db).value(), dir)));
}

http::Handler &Service::handler()
{
    return m_impl->m_handler;
}

void Service::setNotifyHub(http::NotifyHub *hub)
{
    m_impl->m_notifier.setHub(hub);
}

Status Service::seedDemo(int cases, int history)
{
    return seedDemoData(*m_impl->m_db, m_impl->m_users, cases, history);
}

Status Service::addUser(const UserInfo &user, const QString &password)
{
    return m_impl->m_users.addUser(toPrincipal(user), password);
}

Status Service::setPassword(const QString &userId, const QString &password)
{
    return m_impl->m_users.setPassword(userId, password);
}

Status Service::setUserDisabled(const QString &userId, bool disabled)
{
    return m_impl->m_users.setDisabled(userId, disabled);
}

Status Service::setDeviceWiped(const QString &deviceId, bool wiped, const QString &by)
{
    return m_impl->m_users.setDeviceWiped(deviceId, wiped, by);
}

Result<QList<UserInfo>> Service::listUsers()
{
    auto users = m_impl->m_users.listUsers();
    if (!users)
        return users.error();
    QList<UserInfo> out;
    for (const Principal &p : users.value())
        out.append(UserInfo { p.id, p.displayName, p.roles, p.queues });
    return out;
}

Result<QJsonArray> Service::listDevices(int stuckHours)
{
    const int hours = stuckHours > 0 ? stuckHours : m_impl->m_stuckHours;
    auto devices = m_impl->m_devices.list(qint64(hours) * 3600, QString(), QDateTime::currentDateTimeUtc());
    if (!devices)
        return devices.error();
    QJsonArray out;
    for (const DeviceRow &d : devices.value())
        out.append(d.toJson());
    return out;
}

Result<DataPageStore::ImportReport> Service::importDataPage(
    const QString &page, const QByteArray &csv, bool dryRun)
{
    auto report = DataPageStore(*m_impl->m_db).importCsv(page, csv, dryRun);
    if (report && report.value().imported
        && report.value().added + report.value().changed + report.value().removed > 0) {
        Affected everyone;
        everyone.everyone = true;
        m_impl->m_notifier.notify(everyone);
        m_impl->m_notifier.notifyConsole(QStringLiteral("dataPages"));
    }
    return report;
}

Result<QByteArray> Service::exportDataPage(const QString &page)
{
    return DataPageStore(*m_impl->m_db).exportCsv(page);
}

Result<CaseTypeStore::Check> Service::putCaseType(const QByteArray &json, bool checkOnly, bool *published)
{
    *published = false;
    auto check = CaseTypeStore(*m_impl->m_db).check(QString(), json);
    if (!check || !check.value().valid() || checkOnly)
        return check;
    bool compatible = true;
    auto affected = m_impl->m_admin.publishCaseType(*check.value().type, &compatible);
    if (!affected)
        return affected.error();
    m_impl->m_notifier.notify(affected.value());
    m_impl->m_notifier.notifyConsole(QStringLiteral("caseTypes"));
    *published = true;
    return check;
}

Result<PruneReport> Service::pruneFeed(const QDateTime &now)
{
    return m_impl->m_retention.prune(now);
}

void Service::startPruning()
{
    if (m_impl->m_pruner)
        return;
    if (!QCoreApplication::instance()) {
        qCWarning(lcApi) << "feed retention: no QCoreApplication, so no prune timer";
        return;
    }
    qCInfo(lcApi).noquote() << "feed retention:" << m_impl->m_retention.retentionDays()
                            << "days; pruned every" << m_impl->m_pruneInterval.count() << "min";
    m_impl->m_pruner = std::make_unique<PruneScheduler>(m_impl->m_retention, m_impl->m_pruneInterval);
    m_impl->m_pruner->start();
}

} // namespace outpost::server
