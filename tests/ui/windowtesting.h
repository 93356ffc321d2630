#pragma once

// What the window suites share: files dropped on a widget as a file manager drops them, and a
// table cell clicked as a reviewer clicks it.

#include "formview.h"
#include "mainwindow.h"
#include "reporttablemodel.h"

#include <QApplication>
#include <QMimeData>
#include <QTabWidget>
#include <QTest>
#include <QUrl>

namespace nianbao::ui::windowtesting {

inline void drop(QWidget *target, const QStringList &paths)
{
    auto *mime = new QMimeData;
    QList<QUrl> urls;
    for (const QString &p : paths)
        urls.append(QUrl::fromLocalFile(p));
    mime->setUrls(urls);
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
    delete mime;
}

inline void selectCell(MainWindow *window, FormView *v, const QString &key)
{
    auto *tabs = window->findChild<QTabWidget *>(QStringLiteral("tables"));
    tabs->setCurrentWidget(v);
    QTRY_VERIFY(v->isVisible());
    const QModelIndex idx = v->formModel()->indexOf(key);
    QVERIFY(idx.isValid());
    // Click the cell as a reviewer does; the view may still be settling its geometry after the
    // tab switch, so a click that landed elsewhere is repeated.
    auto clicked = [&] {
        if (v->currentKey() != key) {
            v->scrollTo(idx);
            QTest::mouseClick(v->viewport(), Qt::LeftButton, {}, v->visualRect(idx).center());
        }
        return v->currentKey() == key;
    };
    QTRY_VERIFY(clicked());
}

} // namespace nianbao::ui::windowtesting
