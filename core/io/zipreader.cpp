#include "zipreader.h"

#include "limits.h"

#include <cstring>
#include <unzip.h>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

namespace {

using Stream = ZipReader::Memory;

voidpf ZCALLBACK memOpen(voidpf opaque, const void *, int mode)
{
    if (mode & ZLIB_FILEFUNC_MODE_WRITE)
        return nullptr;
    return opaque;
}

uLong ZCALLBACK memRead(voidpf, voidpf stream, void *buf, uLong size)
{
    auto *s = static_cast<Stream *>(stream);
    const quint64 total = quint64(s->bytes->size());
    if (s->pos >= total)
        return 0;
    const quint64 n = qMin<quint64>(size, total - s->pos);
    std::memcpy(buf, s->bytes->constData() + s->pos, n);
    s->pos += n;
    return uLong(n);
}

uLong ZCALLBACK memWrite(voidpf, voidpf, const void *, uLong)
{
    return 0;
}

ZPOS64_T ZCALLBACK memTell(voidpf, voidpf stream)
{
    return static_cast<Stream *>(stream)->pos;
}

long ZCALLBACK memSeek(voidpf, voidpf stream, ZPOS64_T offset, int origin)
{
    auto *s = static_cast<Stream *>(stream);
    const quint64 total = quint64(s->bytes->size());
    quint64 base = 0;
    switch (origin) {
    case ZLIB_FILEFUNC_SEEK_SET:
        base = 0;
        break;
    case ZLIB_FILEFUNC_SEEK_CUR:
        base = s->pos;
        break;
    case ZLIB_FILEFUNC_SEEK_END:
        base = total;
        break;
    default:
        return -1;
    }
    if (base > total || offset > total - base)
        return -1;
    s->pos = base + offset;
    return 0;
}

int ZCALLBACK memClose(voidpf, voidpf)
{
    return 0;
}

int ZCALLBACK memError(voidpf, voidpf)
{
    return 0;
}

} // namespace

ZipReader::ZipReader(const QByteArray &archive) : m_archive(archive) {}

ZipReader::~ZipReader()
{
    if (m_unz)
        unzClose(static_cast<unzFile>(m_unz));
}

bool ZipReader::open(QString *error)
{
    m_memory.bytes = &m_archive;
    m_memory.pos = 0;
    zlib_filefunc64_def funcs;
    funcs.zopen64_file = memOpen;
    funcs.zread_file = memRead;
    funcs.zwrite_file = memWrite;
    funcs.ztell64_file = memTell;
    funcs.zseek64_file = memSeek;
    funcs.zclose_file = memClose;
    funcs.zerror_file = memError;
    funcs.opaque = &m_memory;
    unzFile zf = unzOpen2_64("memory", &funcs);
    if (!zf) {
        if (error)
            *error = tr("The file is a damaged ZIP archive (its table of contents cannot be read).");
        return false;
    }
    m_unz = zf;
    unz_global_info64 gi;
    if (unzGetGlobalInfo64(zf, &gi) != UNZ_OK) {
        if (error)
            *error = tr("The file is a damaged ZIP archive (its table of contents cannot be read).");
        return false;
    }
    if (gi.number_entry > quint64(Limits::MaxZipEntries)) {
        if (error)
            *error = tr("The archive holds too many entries (%1) to be a report.").arg(gi.number_entry);
        return false;
    }
    quint64 total = 0;
    int rc = unzGoToFirstFile(zf);
    while (rc == UNZ_OK) {
        unz_file_info64 info;
        char name[1024];
        if (unzGetCurrentFileInfo64(zf, &info, name, sizeof name, nullptr, 0, nullptr, 0) != UNZ_OK) {
            if (error)
                *error = tr("The file is a damaged ZIP archive (an entry cannot be read).");
            return false;
        }
        // Each size is checked before it is added: a forged size cannot wrap the total around.
        if (info.uncompressed_size > quint64(Limits::MaxZipTotalBytes) - total) {
            if (error)
                *error = tr("The archive would inflate to more than %1 MB: refused as a possible zip bomb.")
                             .arg(Limits::MaxZipTotalBytes / (1024 * 1024));
            return false;
        }
        total += info.uncompressed_size;
        // minizip ends the name with a zero only when it fits the buffer.
        m_names.append(QString::fromUtf8(name, qsizetype(qMin<quint64>(info.size_filename, sizeof name))));
        m_sizes.append(info.uncompressed_size);
        rc = unzGoToNextFile(zf);
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE) {
        if (error)
            *error = tr("The file is a damaged ZIP archive (its table of contents is broken).");
        return false;
    }
    return true;
}

bool ZipReader::read(const QString &name, QByteArray *out, QString *error)
{
    out->clear();
    const qsizetype idx = m_names.indexOf(name);
    if (!m_unz || idx < 0) {
        if (error)
            *error = tr("The archive has no part %1.").arg(name);
        return false;
    }
    const quint64 declared = m_sizes[idx];
    if (declared > quint64(Limits::MaxZipEntryBytes)) {
        if (error)
            *error = tr("The part %1 would inflate to more than %2 MB: refused as a possible zip bomb.")
                         .arg(name)
                         .arg(Limits::MaxZipEntryBytes / (1024 * 1024));
        return false;
    }
    auto zf = static_cast<unzFile>(m_unz);
    if (unzLocateFile(zf, name.toUtf8().constData(), 1) != UNZ_OK || unzOpenCurrentFile(zf) != UNZ_OK) {
        if (error)
            *error = tr("The part %1 of the archive cannot be opened; the file is damaged.").arg(name);
        return false;
    }
    out->reserve(qsizetype(declared));
    char buf[65536];
    bool ok = true;
    for (;;) {
        const int n = unzReadCurrentFile(zf, buf, sizeof buf);
        if (n < 0) {
            ok = false;
            break;
        }
        if (n == 0)
            break;
        // The declared size may lie: never inflate beyond it (or the limit).
        if (quint64(out->size()) + quint64(n) > qMin<quint64>(declared, quint64(Limits::MaxZipEntryBytes))) {
            unzCloseCurrentFile(zf);
            out->clear();
            if (error)
                *error =
                    tr("The part %1 inflates to more than its declared size: refused as a possible zip bomb.")
                        .arg(name);
            return false;
        }
        out->append(buf, n);
    }
    const int crc = unzCloseCurrentFile(zf);
    if (!ok || crc == UNZ_CRCERROR) {
        out->clear();
        if (error)
            *error = tr("The part %1 of the archive is damaged and cannot be inflated.").arg(name);
        return false;
    }
    return true;
}

} // namespace nianbao
