#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace nianbao {

/// Reads entries of a ZIP archive held in memory (libminizip). Sizes are checked before anything
/// is inflated: an entry or an archive that would inflate beyond the limits is refused, so a zip
/// bomb costs nothing.
class ZipReader
{
    Q_DECLARE_TR_FUNCTIONS(ZipReader)
public:
    explicit ZipReader(const QByteArray &archive);
    ~ZipReader();
    ZipReader(const ZipReader &) = delete;
    ZipReader &operator=(const ZipReader &) = delete;

    /// False, with a plain reason, when the archive is corrupt or too large when inflated.
    bool open(QString *error);
    QStringList entryNames() const { return m_names; }
    bool contains(const QString &name) const { return m_names.contains(name); }
    /// The inflated bytes of one entry; false with a reason when it is missing, too large or corrupt.
    bool read(const QString &name, QByteArray *out, QString *error);

    struct Memory
    {
        const QByteArray *bytes = nullptr;
        quint64 pos = 0;
    };

private:
    QByteArray m_archive;
    Memory m_memory;
    void *m_unz = nullptr;
    QStringList m_names;
    QList<quint64> m_sizes;
};

} // namespace nianbao
