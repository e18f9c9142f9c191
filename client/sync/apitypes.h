// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/action.h"
#include "protocol/caserecord.h"
#include "protocol/change.h"
#include "result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace outpost::sync {

/// Error codes the client adds to the protocol's own (bad_credentials, unauthenticated, ...).
namespace errc {
inline constexpr auto BadResponse = "bad_response"; // the server's answer broke the contract
inline constexpr auto Unreachable = "unreachable"; // no connection to the server
/// https/wss: the server's certificate is not trusted (unknown CA, another host name, expired) or
/// the TLS handshake failed; nothing was sent. Sign-in refuses (never offline instead).
inline constexpr auto TlsFailed = "tls_failed";
inline constexpr auto Timeout = "timeout"; // the transfer stalled too long
inline constexpr auto Unauthenticated = "unauthenticated"; // 401: sign in again
inline constexpr auto FullSyncRequired = "full_sync_required"; // 410
inline constexpr auto ServerError = "server_error"; // 5xx without a readable body
inline constexpr auto Canceled = "canceled"; // aborted by us (shutdown)
inline constexpr auto FileError = "file_error"; // a local file could not be read/written
inline constexpr auto ChecksumMismatch = "checksum_mismatch"; // the server stored other bytes
inline constexpr auto KeychainUnavailable = "keychain_unavailable";
inline constexpr auto NotFound = "not_found";
/// 403 of sign-in or any request: the administrator disabled this user (the device erases what
/// lets them sign in offline).
inline constexpr auto AccountDisabled = "account_disabled";
/// 403 of sign-in or any request: the administrator wiped this device; it erases its store and
/// keychain entries for that user and server (devicewipe.h).
inline constexpr auto DeviceWiped = "device_wiped";
/// The server retired this device (its report's answer, after its upload): erase as for device_wiped.
inline constexpr auto DeviceRetired = "device_retired";
/// Offline sign-in past the window the server allowed: it needs the server.
inline constexpr auto OfflineExpired = "offline_expired";
} // namespace errc

/// True for errors that mean "the network or server is away", not "the request is wrong".
bool isTransientError(const Error &e);

/// 200 of POST /api/v1/session.
struct SessionInfo {
    QString token;
    QString expiresAt;
    QString userId;
    QString displayName;
    QStringList roles;
    QStringList queues;
    /// How long the device may sign in offline from now (protocol extension offlineWindowSeconds;
    /// servers without it: 7 days).
    qint64 offlineWindowSeconds = 7 * 86400;
    QJsonObject toJson(bool withToken = false) const;
};

/// 200 of GET /api/v1/health.
struct HealthInfo {
    QString status;
    int protocol = 0;
};

/// 200/201 of PUT /api/v1/attachments/{uuid}.
struct UploadedAttachment {
    QString id;
    qint64 size = 0;
    QString sha256;
};

/// 200 of PUT /api/v1/device (operations console extension): what the server asks of this device.
struct DeviceOrders {
    bool fullSync = false; // download everything again (the queue kept)
    bool retire = false; // the upload went through: erase the store now, as for device_wiped
};

/// One entry of GET /api/v1/cases/{id}/history.
struct HistoryEntry {
    QString at;
    QString by;
    QString deviceId;
    QString clientTime;
    QString action;
    QString actionId; // extension some servers send: the exactly-once key
    QJsonObject changes;
    QString text;
    QJsonObject raw; // the whole entry as received
};

/// Strict readers of the server's answers. Anything that breaks the contract is an Error with
/// code bad_response naming the problem; nothing is defaulted silently.
namespace parse {
Result<SessionInfo> session(const QByteArray &body);
Result<HealthInfo> health(const QByteArray &body);
Result<ChangesPage> changesPage(const QByteArray &body);
/// Also checks one result per action, in request order.
Result<QList<ActionResult>> uploadResults(const QByteArray &body, const QList<Action> &sent);
Result<UploadedAttachment> uploadedAttachment(const QByteArray &body);
Result<CaseRecord> caseRecord(const QByteArray &body);
Result<QList<HistoryEntry>> history(const QByteArray &body);
Result<DeviceOrders> deviceOrders(const QByteArray &body);
/// The error of a non-2xx answer: the protocol's error body when readable, otherwise a code
/// derived from the HTTP status. 401 → unauthenticated (bad_credentials kept for sign-in),
/// 410 → full_sync_required.
Error httpError(int status, const QByteArray &body, bool signIn = false);
/// An attachment id the server may send: the UUID form (8-4-4-4-12 hex digits), nothing else. Ids
/// become directory names in the attachment cache, so "../x" or "a/b" must never pass.
bool isAttachmentId(const QString &id);
} // namespace parse

} // namespace outpost::sync
