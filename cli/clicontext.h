// SPDX-License-Identifier: MIT
#pragma once

#include "cli.h"
#include "result.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>
#include <QStringList>
#include <QTextStream>
#include <QUrl>

#include <memory>

namespace outpost::client {
class LocalStore;
}

namespace outpost::sync {
class HttpTransport;
}

namespace outpost::cli {

/// One invocation: the parsed words and where output goes.
struct Context {
    bool json = false;
    QString profileDir;
    QStringList positional; // words after the command words
    QHash<QString, QString> options; // --name value
    QSet<QString> flags; // --name
    QTextStream &out;
    QTextStream &err;
};

/// The signed-in user of a profile directory (written by `signin`).
struct Profile {
    QUrl server;
    QString user;
    QString storePath;
    bool allowInsecureHttp = false; // `signin --allow-insecure-http`
    QString caBundle; // `signin --ca-bundle FILE`, absolute
};

Result<Profile> loadProfile(const QString &profileDir);
Status saveProfile(const QString &profileDir, const Profile &p);
/// The HTTP transport under the profile's policy (plain http, CA bundle).
Result<std::shared_ptr<sync::HttpTransport>> profileTransport(const Profile &p);
/// The profile's store, unlocked (its key from the keychain) and opened.
Result<std::unique_ptr<client::LocalStore>> openProfileStore(const Context &ctx, Profile *profile = nullptr);
/// The profile store's key from the keychain, remembered for this process (StoreKeys).
Status unlockProfileStore(const Profile &p);

/// Prints an error (JSON on stderr with --json) and returns the exit code its kind maps to.
int fail(Context &ctx, const Error &e);
int usage(Context &ctx, const QString &message);
void printJson(Context &ctx, const QJsonValue &v);
ExitCode exitCodeFor(const Error &e);

// Commands (cliclient.cpp: session, sync and the store's state; clicases.cpp: local work and reports).
int cmdSignIn(Context &ctx);
int cmdSignOut(Context &ctx);
int cmdSync(Context &ctx);
int cmdStatus(Context &ctx);
int cmdCheck(Context &ctx);
int cmdExportDiagnostics(Context &ctx);
int cmdCaseList(Context &ctx);
int cmdCaseShow(Context &ctx);
int cmdCaseCreate(Context &ctx);
int cmdCaseUpdate(Context &ctx);
int cmdCaseTransition(Context &ctx);
int cmdCaseNote(Context &ctx);
int cmdAttachmentSave(Context &ctx); // cliattachments.cpp
int cmdOutbox(Context &ctx);
int cmdConflicts(Context &ctx);
int cmdReady(Context &ctx); // cliready.cpp
int cmdRecover(Context &ctx); // clirecover.cpp
/// export-diagnostics of a store that does not open (clirecover.cpp).
int exportDamagedDiagnostics(Context &ctx, const Profile &profile, const Error &why);

} // namespace outpost::cli
