package scenarioview

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"parley/app/ui/kit"
	"parley/scenarios"
	"parley/storage"
)

// ErrNotBuiltin refuses a reset of a scenario Parley did not ship.
var ErrNotBuiltin = errors.New("this scenario is not one of Parley's built-in scenarios")

// resetToBuiltin gives the scenario shown back the definition Parley ships
// for it, as one step that Undo takes back. Reading that definition takes
// a moment (it is built as in a new workspace), off the UI goroutine with
// the status bar saying so. The returned channel receives the outcome once
// the scenario shows it.
func (h *host) resetToBuiltin() <-chan error {
	done := make(chan error, 1)
	info, ok := h.sess.Info(h.sess.Current())
	if h.sess.Draft() == nil || !ok || !info.Builtin {
		done <- ErrNotBuiltin
		h.showError("reset the scenario", ErrNotBuiltin)
		return done
	}
	id, name := h.sess.Current(), h.sess.Draft().Name
	h.flushSave()
	h.setStatus(fmt.Sprintf("Reading the built-in definition of “%s”…", name))
	type read struct {
		sc  *scenarios.Scenario
		err error
	}
	kit.Go(h.post, func() read {
		sc, err := builtinScenario(id)
		return read{sc, err}
	}, func(r read) { done <- h.applyBuiltin(id, name, r.sc, r.err) })
	return done
}

// applyBuiltin replaces scenario id, if still shown, by its built-in
// definition sc (read with err).
func (h *host) applyBuiltin(id, name string, sc *scenarios.Scenario, err error) error {
	if h.nav.Closed() {
		return errors.New("closed")
	}
	if err == nil && h.sess.Current() != id {
		err = fmt.Errorf("“%s” is no longer shown: open it and reset again", name)
	}
	if err == nil {
		err = h.edit("", "reset to built-in", func(d *scenarios.Scenario) { *d = sc.Clone() })
	}
	if err != nil {
		h.setStatus("")
		h.showError("reset the scenario", err)
		return err
	}
	h.flushSave()
	h.reloadScenarios()
	h.openScenario(id)
	h.setStatus(fmt.Sprintf("“%s” is back to its built-in definition (Undo restores your version).", sc.Name))
	return nil
}

// builtinScenario returns the definition Parley ships for the built-in
// scenario id: it builds a new workspace in a temporary folder of its own
// (never the user's file), reads the scenario and removes the folder.
func builtinScenario(id string) (*scenarios.Scenario, error) {
	dir, err := os.MkdirTemp("", "parley-builtin-")
	if err != nil {
		return nil, fmt.Errorf("read the built-in scenarios: %w", err)
	}
	defer os.RemoveAll(dir)
	ws, err := storage.Open(filepath.Join(dir, "builtin.parley"))
	if err != nil {
		return nil, fmt.Errorf("read the built-in scenarios: %w", err)
	}
	defer ws.Close()
	return ws.Scenario(id)
}
