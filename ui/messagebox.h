#pragma once

#include <QMessageBox>

namespace nianbao::ui {

/// Message boxes through one door, so a test can answer them in advance (setNextAnswer) and no
/// modal box blocks a test run.
class MessageBox
{
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button question(QWidget *parent, const QString &title, const QString &text, Buttons buttons,
                           Button defaultButton);
    static Button warning(QWidget *parent, const QString &title, const QString &text,
                          Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::Ok);
    static void information(QWidget *parent, const QString &title, const QString &text);

    /// The answer the next box gives without being shown.
    static void setNextAnswer(Button answer);
    /// The text of the last box asked (shown or answered in advance), for a test to read.
    static QString lastText() { return s_lastText; }

private:
    static Button ask(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text,
                      Buttons buttons, Button defaultButton);
    static Button s_nextAnswer;
    static QString s_lastText;
};

} // namespace nianbao::ui
