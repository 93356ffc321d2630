#include "filedialog.h"

#include <QFileDialog>
#include <QInputDialog>

namespace nianbao::ui {

QStringList FileDialog::s_next;
bool FileDialog::s_hasNext = false;
int ItemDialog::s_next = -1;
QString TextDialog::s_next;
bool TextDialog::s_hasNext = false;
bool ItemDialog::s_hasNext = false;

void FileDialog::setNextFileNames(const QStringList &names)
{
    s_next = names;
    s_hasNext = true;
}

QStringList FileDialog::getOpenFileNames(QWidget *parent, const QString &caption, const QString &dir,
                                         const QString &filter)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_next, {});
    }
    return QFileDialog::getOpenFileNames(parent, caption, dir, filter);
}

QString FileDialog::getExistingDirectory(QWidget *parent, const QString &caption, const QString &dir)
{
    if (s_hasNext) {
        s_hasNext = false;
        const QStringList n = std::exchange(s_next, {});
        return n.value(0);
    }
    return QFileDialog::getExistingDirectory(parent, caption, dir);
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &path,
                                    const QString &filter)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_next, {}).value(0);
    }
    return QFileDialog::getSaveFileName(parent, caption, path, filter);
}

void TextDialog::setNextText(const QString &text)
{
    s_next = text;
    s_hasNext = true;
}

QString TextDialog::getText(QWidget *parent, const QString &title, const QString &label, const QString &text)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_next, {});
    }
    bool ok = false;
    const QString value = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
    return ok ? value : QString();
}

void TextDialog::clearNextText()
{
    s_next.clear();
    s_hasNext = false;
}

QString TextDialog::getPassword(QWidget *parent, const QString &title, const QString &label)
{
    if (s_hasNext) {
        s_hasNext = false;
        return std::exchange(s_next, {});
    }
    bool ok = false;
    const QString value = QInputDialog::getText(parent, title, label, QLineEdit::Password, QString(), &ok);
    return ok ? value : QString();
}

void ItemDialog::setNextIndex(int index)
{
    s_next = index;
    s_hasNext = true;
}

int ItemDialog::getItem(QWidget *parent, const QString &title, const QString &label, const QStringList &items,
                        int current)
{
    if (s_hasNext) {
        s_hasNext = false;
        return s_next;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(parent, title, label, items, current, false, &ok);
    return ok ? int(items.indexOf(chosen)) : -1;
}

} // namespace nianbao::ui
