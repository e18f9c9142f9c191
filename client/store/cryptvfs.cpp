// SPDX-License-Identifier: MIT
// A VFS shim over SQLite's default VFS that encrypts every page of the store and of its WAL with
// AES-256-GCM (OpenSSL). SQLite's own code, SQL and file format stay as they are; only
// what reaches the disk changes. See docs/security.md, "Encryption at rest".
//
// Where the pages are:
//   main file  page k (from 0) at k * 4096, all of it a page
//   WAL        a 32-byte header, then frames: a 24-byte frame header and a page
// Headers (the WAL's and the frames': page numbers, salts, checksums) stay as SQLite writes them;
// every page is sealed on its way to the disk and opened on its way back. The -shm file holds
// only the WAL's index (frame and page numbers). Rollback journals and temporary files are refused
// (the store runs in WAL mode with temp_store = MEMORY), so nothing else is ever written.
#include "cryptvfs.h"

#include "storedb.h"
#include "storekeys.h"

#include <QFile>
#include <QUrl>

#include <openssl/evp.h>
#include <sodium.h>
#include <sqlite3.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <vector>

namespace outpost::client::cryptvfs {

namespace {
constexpr int Usable = PageSize - ReservedBytes;
constexpr int NonceBytes = 12; // AES-GCM's 96-bit IV
constexpr int TagBytes = 16;
static_assert(NonceBytes + TagBytes <= ReservedBytes);
constexpr qint64 WalHeaderBytes = 32;
constexpr qint64 FrameHeaderBytes = 24;
constexpr qint64 FrameBytes = FrameHeaderBytes + PageSize;
constexpr unsigned char PlainMagic[] = "SQLite format 3"; // 16 bytes with its NUL

enum class Kind { Main, Wal, NewJournal };

/// AES-256-GCM through OpenSSL (AES-NI, ARMv8 crypto extensions, or its portable code), one
/// context for sealing and one for opening, keyed once. Nonces: a random 64-bit prefix drawn when
/// the file is opened (and again after 2^32 pages) and a counter, so that no page write needs the
/// system's random source and no nonce repeats under the store's key.
class PageCipher
{
public:
    bool init(const QByteArray &key)
    {
        m_seal = EVP_CIPHER_CTX_new();
        m_open = EVP_CIPHER_CTX_new();
        const auto *k = reinterpret_cast<const unsigned char *>(key.constData());
        if (!m_seal || !m_open || key.size() != 32
            || EVP_EncryptInit_ex(m_seal, EVP_aes_256_gcm(), nullptr, k, nullptr) != 1
            || EVP_DecryptInit_ex(m_open, EVP_aes_256_gcm(), nullptr, k, nullptr) != 1)
            return false;
        randombytes_buf(m_prefix, sizeof m_prefix);
        return true;
    }
    ~PageCipher()
    {
        EVP_CIPHER_CTX_free(m_seal); // wipes the key schedule
        EVP_CIPHER_CTX_free(m_open);
    }

    /// `plain` (SQLite's page) → `out` (the page on disk): ciphertext, then nonce and tag.
    bool seal(const unsigned char *plain, unsigned char *out, quint64 pgno)
    {
        unsigned char *nonce = out + Usable;
        unsigned char *tag = nonce + NonceBytes;
        if (++m_counter == 0)
            randombytes_buf(m_prefix, sizeof m_prefix);
        std::memcpy(nonce, m_prefix, sizeof m_prefix);
        for (int i = 0; i < 4; ++i)
            nonce[8 + i] = static_cast<unsigned char>(m_counter >> (8 * i));
        std::memset(tag + TagBytes, 0, ReservedBytes - NonceBytes - TagBytes);
        unsigned char ad[8];
        int len = 0;
        return EVP_EncryptInit_ex(m_seal, nullptr, nullptr, nullptr, nonce) == 1
            && (!pgno || EVP_EncryptUpdate(m_seal, nullptr, &len, ad, adFor(pgno, ad)) == 1)
            && EVP_EncryptUpdate(m_seal, out, &len, plain, Usable) == 1
            && EVP_EncryptFinal_ex(m_seal, out + len, &len) == 1
            && EVP_CIPHER_CTX_ctrl(m_seal, EVP_CTRL_GCM_GET_TAG, TagBytes, tag) == 1;
    }

    /// Opens a page in place; its reserved bytes read as zeros. False if the tag does not match.
    bool open(unsigned char *page, quint64 pgno)
    {
        unsigned char nonce[NonceBytes];
        unsigned char tag[TagBytes];
        std::memcpy(nonce, page + Usable, NonceBytes);
        std::memcpy(tag, page + Usable + NonceBytes, TagBytes);
        std::memset(page + Usable, 0, ReservedBytes); // SQLite never sees ours, and leaves them zero
        unsigned char ad[8];
        int len = 0;
        return EVP_DecryptInit_ex(m_open, nullptr, nullptr, nullptr, nonce) == 1
            && (!pgno || EVP_DecryptUpdate(m_open, nullptr, &len, ad, adFor(pgno, ad)) == 1)
            && EVP_DecryptUpdate(m_open, page, &len, page, Usable) == 1
            && EVP_CIPHER_CTX_ctrl(m_open, EVP_CTRL_GCM_SET_TAG, TagBytes, tag) == 1
            && EVP_DecryptFinal_ex(m_open, page + len, &len) == 1;
    }

private:
    static int adFor(quint64 pgno, unsigned char *ad)
    {
        for (int i = 0; i < 8; ++i)
            ad[i] = static_cast<unsigned char>(pgno >> (8 * i));
        return 8;
    }
    EVP_CIPHER_CTX *m_seal = nullptr;
    EVP_CIPHER_CTX *m_open = nullptr;
    unsigned char m_prefix[8] = {};
    quint32 m_counter = 0;
};

struct CipherFile {
    sqlite3_file base; // first: SQLite sees a CipherFile as a sqlite3_file
    sqlite3_file *real; // the default VFS's file, allocated right after this struct
    Kind kind;
    PageCipher *cipher;
};

sqlite3_vfs *g_root = nullptr;

/// Where page region `k` starts, and the first region that may reach past `offset`.
qint64 regionStart(Kind kind, qint64 k)
{
    return kind == Kind::Main ? k * PageSize : WalHeaderBytes + k * FrameBytes + FrameHeaderBytes;
}
qint64 firstRegion(Kind kind, qint64 offset)
{
    if (kind == Kind::Main)
        return offset / PageSize;
    if (offset < WalHeaderBytes + FrameHeaderBytes)
        return 0;
    return (offset - WalHeaderBytes - FrameHeaderBytes) / FrameBytes;
}
quint64 pageNumber(Kind kind, qint64 k)
{
    return kind == Kind::Main ? quint64(k) + 1 : 0;
}

/// A page region of zeros only: never written. Not a secret, so no constant-time check
/// (libsodium's sodium_is_zero was the read path's largest cost); a sealed page fails at its first
/// byte almost always.
bool neverWritten(const unsigned char *page)
{
    return page[0] == 0 && std::memcmp(page, page + 1, PageSize - 1) == 0;
}

int realRead(sqlite3_file *real, void *buf, int amt, sqlite3_int64 off)
{
    return real->pMethods->xRead(real, buf, amt, off);
}

int cipherRead(sqlite3_file *file, void *buf, int amt, sqlite3_int64 off)
{
    auto *p = reinterpret_cast<CipherFile *>(file);
    const int rc = realRead(p->real, buf, amt, off);
    if ((rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) || p->kind == Kind::NewJournal)
        return rc;
    auto *out = static_cast<unsigned char *>(buf);
    const qint64 end = off + amt;
    for (qint64 k = firstRegion(p->kind, off);; ++k) {
        const qint64 s = regionStart(p->kind, k);
        if (s >= end)
            break;
        const qint64 e = s + PageSize;
        if (e <= off)
            continue;
        unsigned char whole[PageSize];
        unsigned char *page = whole;
        const bool inside = s >= off && e <= end;
        if (inside) {
            page = out + (s - off);
        } else {
            const int prc = realRead(p->real, whole, PageSize, s);
            if (prc != SQLITE_OK && prc != SQLITE_IOERR_SHORT_READ)
                return prc;
        }
        // A region never written (beyond the end, or a WAL the file system extended) reads as zeros.
        if (!neverWritten(page) && !p->cipher->open(page, pageNumber(p->kind, k))) {
            if (p->kind == Kind::Main) {
                qCWarning(lcStore) << "page" << (k + 1) << "of the store does not decrypt";
                return SQLITE_IOERR_DATA;
            }
            // A torn WAL frame (power loss while it was written): zeros make SQLite's own frame
            // checksum fail, so that recovery ends the WAL before it, as it does for a plain store.
            std::memset(page, 0, PageSize);
        }
        if (!inside) {
            const qint64 from = std::max(s, qint64(off));
            const qint64 to = std::min(e, end);
            std::memcpy(out + (from - off), page + (from - s), size_t(to - from));
        }
    }
    return rc;
}

int cipherWrite(sqlite3_file *file, const void *buf, int amt, sqlite3_int64 off)
{
    auto *p = reinterpret_cast<CipherFile *>(file);
    if (p->kind == Kind::NewJournal) {
        if (off != 0) {
            qCWarning(lcStore) << "refusing to write pages into a rollback journal" << off << amt;
            return SQLITE_IOERR_WRITE;
        }
        return p->real->pMethods->xWrite(p->real, buf, amt, off);
    }
    thread_local std::vector<unsigned char> sealed;
    sealed.assign(static_cast<const unsigned char *>(buf), static_cast<const unsigned char *>(buf) + amt);
    const qint64 end = off + amt;
    for (qint64 k = firstRegion(p->kind, off);; ++k) {
        const qint64 s = regionStart(p->kind, k);
        if (s >= end)
            break;
        const qint64 e = s + PageSize;
        if (e <= off)
            continue;
        if (s < off || e > end) {
            qCWarning(lcStore) << "refusing a write of part of a page" << off << amt;
            return SQLITE_IOERR_WRITE;
        }
        const unsigned char *plain = static_cast<const unsigned char *>(buf) + (s - off);
        if (p->kind == Kind::Main && k == 0) {
            // The header must leave room for the nonce and tag (and keep the page size the VFS assumes).
            const int pageSize = (plain[16] << 8) | plain[17];
            if (pageSize != PageSize || plain[20] != ReservedBytes) {
                qCWarning(lcStore) << "refusing a store header with page size" << pageSize << "and"
                                   << plain[20] << "reserved bytes";
                return SQLITE_IOERR_WRITE;
            }
        }
        if (!p->cipher->seal(plain, sealed.data() + (s - off), pageNumber(p->kind, k)))
            return SQLITE_IOERR_WRITE;
    }
    return p->real->pMethods->xWrite(p->real, sealed.data(), amt, off);
}

int cipherClose(sqlite3_file *file)
{
    auto *p = reinterpret_cast<CipherFile *>(file);
    const int rc = p->real->pMethods ? p->real->pMethods->xClose(p->real) : SQLITE_OK;
    delete p->cipher;
    p->cipher = nullptr;
    return rc;
}

// The rest is the default VFS's.
#define OUTPOST_REAL(file) (reinterpret_cast<CipherFile *>(file)->real)
int cipherTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    return OUTPOST_REAL(f)->pMethods->xTruncate(OUTPOST_REAL(f), size);
}
int cipherSync(sqlite3_file *f, int flags)
{
    return OUTPOST_REAL(f)->pMethods->xSync(OUTPOST_REAL(f), flags);
}
int cipherFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return OUTPOST_REAL(f)->pMethods->xFileSize(OUTPOST_REAL(f), size);
}
int cipherLock(sqlite3_file *f, int level)
{
    return OUTPOST_REAL(f)->pMethods->xLock(OUTPOST_REAL(f), level);
}
int cipherUnlock(sqlite3_file *f, int level)
{
    return OUTPOST_REAL(f)->pMethods->xUnlock(OUTPOST_REAL(f), level);
}
int cipherCheckReservedLock(sqlite3_file *f, int *out)
{
    return OUTPOST_REAL(f)->pMethods->xCheckReservedLock(OUTPOST_REAL(f), out);
}
int cipherFileControl(sqlite3_file *f, int op, void *arg)
{
    return OUTPOST_REAL(f)->pMethods->xFileControl(OUTPOST_REAL(f), op, arg);
}
int cipherSectorSize(sqlite3_file *f)
{
    return OUTPOST_REAL(f)->pMethods->xSectorSize(OUTPOST_REAL(f));
}
int cipherDeviceCharacteristics(sqlite3_file *f)
{
    return OUTPOST_REAL(f)->pMethods->xDeviceCharacteristics(OUTPOST_REAL(f));
}
int cipherShmMap(sqlite3_file *f, int page, int size, int extend, void volatile **out)
{
    return OUTPOST_REAL(f)->pMethods->xShmMap(OUTPOST_REAL(f), page, size, extend, out);
}
int cipherShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return OUTPOST_REAL(f)->pMethods->xShmLock(OUTPOST_REAL(f), offset, n, flags);
}
void cipherShmBarrier(sqlite3_file *f)
{
    OUTPOST_REAL(f)->pMethods->xShmBarrier(OUTPOST_REAL(f));
}
int cipherShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return OUTPOST_REAL(f)->pMethods->xShmUnmap(OUTPOST_REAL(f), deleteFlag);
}
#undef OUTPOST_REAL

// Version 2: shared memory for the WAL, no memory-mapped reads (they would bypass xRead).
const sqlite3_io_methods g_methods = {
    2,
    cipherClose,
    cipherRead,
    cipherWrite,
    cipherTruncate,
    cipherSync,
    cipherFileSize,
    cipherLock,
    cipherUnlock,
    cipherCheckReservedLock,
    cipherFileControl,
    cipherSectorSize,
    cipherDeviceCharacteristics,
    cipherShmMap,
    cipherShmLock,
    cipherShmBarrier,
    cipherShmUnmap,
    nullptr,
    nullptr,
};

int cipherOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *p = reinterpret_cast<CipherFile *>(file);
    std::memset(p, 0, sizeof *p);
    p->real = reinterpret_cast<sqlite3_file *>(p + 1);
    const char *database = nullptr;
    if (flags & SQLITE_OPEN_MAIN_DB) {
        p->kind = Kind::Main;
        database = name;
    } else if (flags & SQLITE_OPEN_WAL) {
        p->kind = Kind::Wal;
        database = sqlite3_filename_database(name);
    } else if ((flags & SQLITE_OPEN_MAIN_JOURNAL) && sqlite3_uri_boolean(name, FreshParameter, 0)) {
        // The rollback journal of a database written from empty (VACUUM INTO's copy): SQLite keeps
        // no page in it (pages past a file's original end are not journaled), only its header at
        // offset 0; any other write is refused below.
        p->kind = Kind::NewJournal;
        database = sqlite3_filename_database(name);
    } else {
        // A rollback journal, a temporary file: they would hold pages in clear.
        qCWarning(lcStore) << "refusing to open a file the store would write in clear, kind" << Qt::hex
                           << (flags & 0x0FFFFF00);
        return SQLITE_CANTOPEN;
    }
    const QByteArray key = StoreKeys::lookup(QString::fromUtf8(database ? database : ""));
    if (key.isEmpty()) {
        qCWarning(lcStore) << "no key for" << (database ? database : "");
        return SQLITE_CANTOPEN;
    }
    const QByteArray pages = StoreKeys::derive(key, StoreKeys::Purpose::Pages);
    auto cipher = std::make_unique<PageCipher>();
    if (!cipher->init(pages))
        return SQLITE_CANTOPEN;
    const int rc = g_root->xOpen(g_root, name, p->real, flags, outFlags);
    if (rc == SQLITE_OK) {
        p->cipher = cipher.release();
        p->base.pMethods = &g_methods;
    }
    return rc;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_root->xDelete(g_root, name, syncDir);
}
int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_root->xAccess(g_root, name, flags, out);
}
int vfsFullPathname(sqlite3_vfs *, const char *name, int n, char *out)
{
    return g_root->xFullPathname(g_root, name, n, out);
}
void *vfsDlOpen(sqlite3_vfs *, const char *name)
{
    return g_root->xDlOpen(g_root, name);
}
void vfsDlError(sqlite3_vfs *, int n, char *out)
{
    g_root->xDlError(g_root, n, out);
}
void (*vfsDlSym(sqlite3_vfs *, void *lib, const char *symbol))(void)
{
    return g_root->xDlSym(g_root, lib, symbol);
}
void vfsDlClose(sqlite3_vfs *, void *lib)
{
    g_root->xDlClose(g_root, lib);
}
int vfsRandomness(sqlite3_vfs *, int n, char *out)
{
    return g_root->xRandomness(g_root, n, out);
}
int vfsSleep(sqlite3_vfs *, int micros)
{
    return g_root->xSleep(g_root, micros);
}
int vfsCurrentTime(sqlite3_vfs *, double *out)
{
    return g_root->xCurrentTime(g_root, out);
}
int vfsGetLastError(sqlite3_vfs *, int n, char *out)
{
    return g_root->xGetLastError(g_root, n, out);
}
int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return g_root->xCurrentTimeInt64(g_root, out);
}

sqlite3_vfs g_vfs;

bool readAt(const QString &path, qint64 offset, unsigned char *out, qint64 n)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.seek(offset) && f.read(reinterpret_cast<char *>(out), n) == n;
}
} // namespace

bool registerOnce()
{
    static bool registered = false;
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            return;
        // SQLite counts every allocation under a process-wide mutex for sqlite3_memory_used(),
        // which nothing here reads: a full sync allocates millions of times. Only possible before
        // SQLite initialises (the next call does): if something opened a database first, it
        // stays on, which changes nothing but speed.
        (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        g_root = sqlite3_vfs_find(nullptr);
        if (!g_root || g_root->iVersion < 2)
            return;
        g_vfs = sqlite3_vfs {};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = int(sizeof(CipherFile)) + g_root->szOsFile;
        g_vfs.mxPathname = g_root->mxPathname;
        g_vfs.zName = Name;
        g_vfs.xOpen = cipherOpen;
        g_vfs.xDelete = vfsDelete;
        g_vfs.xAccess = vfsAccess;
        g_vfs.xFullPathname = vfsFullPathname;
        g_vfs.xDlOpen = vfsDlOpen;
        g_vfs.xDlError = vfsDlError;
        g_vfs.xDlSym = vfsDlSym;
        g_vfs.xDlClose = vfsDlClose;
        g_vfs.xRandomness = vfsRandomness;
        g_vfs.xSleep = vfsSleep;
        g_vfs.xCurrentTime = vfsCurrentTime;
        g_vfs.xGetLastError = vfsGetLastError;
        g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        registered = sqlite3_vfs_register(&g_vfs, 0) == SQLITE_OK;
    });
    return registered;
}

QString uriFor(const QString &path, UriMode mode)
{
    QUrl url = QUrl::fromLocalFile(path);
    QString query = QStringLiteral("vfs=") + QLatin1String(Name);
    if (mode == UriMode::ReadOnly)
        query += QStringLiteral("&mode=ro");
    else if (mode == UriMode::Fresh)
        query += QLatin1Char('&') + QLatin1String(FreshParameter) + QStringLiteral("=1");
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

FileState inspect(const QString &path)
{
    unsigned char head[16] = {};
    const qint64 size = QFile(path).size();
    if (size >= qint64(sizeof head) && readAt(path, 0, head, sizeof head))
        return std::memcmp(head, PlainMagic, sizeof head) == 0 ? FileState::Plain : FileState::Encrypted;
    // Everything may still be in the WAL (never checkpointed into the file).
    const QString wal = path + QStringLiteral("-wal");
    if (QFile(wal).size() >= WalHeaderBytes + FrameBytes
        && readAt(wal, WalHeaderBytes + FrameHeaderBytes, head, sizeof head))
        return std::memcmp(head, PlainMagic, sizeof head) == 0 ? FileState::Plain : FileState::Encrypted;
    return FileState::Missing;
}

bool keyOpens(const QString &path, const QByteArray &key)
{
    if (sodium_init() < 0)
        return false;
    PageCipher cipher;
    if (!cipher.init(StoreKeys::derive(key, StoreKeys::Purpose::Pages)))
        return false;
    unsigned char page[PageSize];
    if (QFile(path).size() >= PageSize && readAt(path, 0, page, PageSize))
        return cipher.open(page, 1);
    const QString wal = path + QStringLiteral("-wal");
    if (QFile(wal).size() >= WalHeaderBytes + FrameBytes
        && readAt(wal, WalHeaderBytes + FrameHeaderBytes, page, PageSize))
        return cipher.open(page, 0);
    return true;
}

} // namespace outpost::client::cryptvfs
