// Command hello is a bare Fyne window, the yardstick of `make bench`: our
// app's start-up, memory and size are compared with it, built the same way.
package main

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("com.github.transitionhelper.hello")
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello, world"))
	w.Resize(fyne.NewSize(960, 580))
	if os.Getenv("TH_BENCH_STARTUP") != "" {
		a.Lifecycle().SetOnStarted(func() { fmt.Println("started") })
	}
	w.ShowAndRun()
}
