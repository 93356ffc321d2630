#include "safewrite.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTemporaryFile>

#include <filesystem>
#include <system_error>

using namespace Qt::Literals::StringLiterals;

namespace nianbao {

QString SafeWrite::cannotWrite(const QString &path, const QString &reason)
{
    QString r = reason.simplified();
    while (r.endsWith(u'.'))
        r.chop(1);
    return tr("Cannot write %1: %2.").arg(QDir::toNativeSeparators(path), r);
}

bool SafeWrite::writeFile(const QString &path, const QByteArray &data, QString *error)
{
    if (QFileInfo(path).isDir()) {
        if (error)
            *error = cannotWrite(path, tr("a folder of that name exists"));
        return false;
    }
    QSaveFile f(path);
    // Unbuffered: a short write (full disk) must show here. Buffered, Qt 6.4 flushes at commit()
    // and a short write there goes unnoticed: the old file would be replaced by a truncated one.
    if (!f.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = cannotWrite(path, f.errorString());
        return false;
    }
    if (f.write(data) != data.size()) {
        const QString reason = f.errorString();
        f.cancelWriting();
        if (error)
            *error = cannotWrite(path, reason);
        return false;
    }
    if (!f.commit()) {
        if (error)
            *error = cannotWrite(path, f.errorString());
        return false;
    }
    return true;
}

QString SafeWrite::reserveTemp(const QString &path, QString *error)
{
    const QFileInfo fi(path);
    if (fi.isDir()) {
        if (error)
            *error = cannotWrite(path, tr("a folder of that name exists"));
        return {};
    }
    QTemporaryFile tmp(fi.absolutePath() + u"/."_s + fi.fileName() + u".XXXXXX.part"_s);
    tmp.setAutoRemove(false);
    if (!tmp.open()) {
        if (error)
            *error = cannotWrite(path, tmp.errorString());
        return {};
    }
    const QString name = tmp.fileName();
    tmp.close();
    return name;
}

bool SafeWrite::commit(const QString &tmp, const QString &path, QString *error)
{
    // A temporary file is private (0600); give the result the old file's permissions, or the
    // usual ones of a new file.
    const QFileInfo old(path);
    QFile::setPermissions(tmp, old.exists() ? old.permissions()
                                            : QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ReadGroup | QFileDevice::ReadOther);
    std::error_code ec;
    // std::filesystem::rename replaces an existing file in one step (rename(2); MoveFileExW
    // with MOVEFILE_REPLACE_EXISTING on Windows), and fails when the target is open elsewhere.
    std::filesystem::rename(std::filesystem::path(tmp.toStdU16String()),
                            std::filesystem::path(path.toStdU16String()), ec);
    if (ec) {
        QFile::remove(tmp);
        if (error)
            *error = cannotWrite(path, QString::fromLocal8Bit(ec.message()));
        return false;
    }
    return true;
}

bool SafeWrite::writeThrough(const QString &path, QString *error,
                             const std::function<bool(const QString &tmp, QString *why)> &write)
{
    const QString tmp = reserveTemp(path, error);
    if (tmp.isEmpty())
        return false;
    QString why;
    if (!write(tmp, &why)) {
        QFile::remove(tmp);
        if (error)
            *error = cannotWrite(path, why);
        return false;
    }
    return commit(tmp, path, error);
}

} // namespace nianbao
