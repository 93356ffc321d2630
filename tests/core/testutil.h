#pragma once

#include "pipeline/reportreader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace testutil {

inline QString dataPath(const QString &rel)
{
    return QStringLiteral(NIANBAO_TEST_DATA) + QLatin1Char('/') + rel;
}

inline QJsonObject readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// Two reports of one body for consecutive years, made from seed 001 in a folder: the 2022 report
/// (its title's year changed) and the 2023 one, whose 上年结转 of natural persons is 2 where the
/// 2022 report carried forward 0 (YEAR.CARRYOVER). Returns {2022, 2023}; empty when they could
/// not be written.
inline QStringList writeConsecutiveReports(const QString &folder)
{
    const QString seed =
        QString::fromUtf8(readBytes(dataPath(QStringLiteral("corpus/seeds/001_bff1b9e23c617db0.txt"))));
    const QString title = QStringLiteral("办公室 2023 年政府信息公开工作年度报告");
    const QString carriedOver = QStringLiteral("二、上年结转政府信息公开申请数量\t\t0\t");
    if (!seed.contains(title) || !seed.contains(carriedOver))
        return {};
    QString last = seed, now = seed;
    last.replace(title, QStringLiteral("办公室 2022 年政府信息公开工作年度报告"));
    now.replace(carriedOver, QStringLiteral("二、上年结转政府信息公开申请数量\t\t2\t"));
    const QStringList paths = {QDir(folder).filePath(QStringLiteral("weidong_2022.txt")),
                               QDir(folder).filePath(QStringLiteral("weidong_2023.txt"))};
    for (int i = 0; i < 2; ++i) {
        QFile f(paths[i]);
        if (!f.open(QIODevice::WriteOnly) || f.write((i == 0 ? last : now).toUtf8()) < 0)
            return {};
    }
    return paths;
}

} // namespace testutil
