// Package sessiontest holds what the tests of the window and its views share
// to set a session up: one over a new workspace, and a hand-made model of a
// few known product lines for the scenario shown. It holds no widget. Only
// tests import it.
package sessiontest

import (
	"fmt"
	"path/filepath"
	"testing"

	"parley/app/ui/session"
	"parley/scenarios"
	"parley/storage"
)

// Open attaches s to a new workspace, w.parley in a temporary folder of t,
// on s's clock (time.Now when s.Now is nil), with its sectors loaded and its
// scenarios listed, and returns s. The session is closed, workspace and
// all, when the test ends; a view over it that is stopped in a cleanup
// registered after Open is stopped first.
func Open(t testing.TB, s *session.Session) *session.Session {
	t.Helper()
	ws, err := storage.OpenWith(filepath.Join(t.TempDir(), "w.parley"), storage.Options{Now: s.Now})
	if err != nil {
		t.Fatal(err)
	}
	s.Attach(ws)
	t.Cleanup(func() { s.Close() })
	if err := s.LoadSectors(); err != nil {
		t.Fatal(err)
	}
	if err := s.ReloadScenarios(); err != nil {
		t.Fatal(err)
	}
	return s
}

// UseProductModel makes the scenario shown in sess compute on a hand-made
// model, which it returns: the workspace's lines, except that flows into the
// US of LUMBER are a few known HTS10 lines and those of OTHERMFG are n
// synthetic furniture lines, with the softwood and wood-furniture lists. The
// caller computes the scenario again.
func UseProductModel(t testing.TB, sess *session.Session, n int) *scenarios.Model {
	t.Helper()
	base, err := sess.Workspace().Model(sess.Draft().Assumptions)
	if err != nil {
		t.Fatal(err)
	}
	var lines []scenarios.Line
	for _, d := range scenarios.Directions {
		for i := range base.LineCount(d) {
			l := base.Line(d, i)
			if d == scenarios.CAtoUS && (l.Sector == "LUMBER" || l.Sector == "OTHERMFG") {
				continue
			}
			lines = append(lines, l)
		}
	}
	us := scenarios.CAtoUS
	lines = append(lines,
		scenarios.Line{Direction: us, Code: "4407110010", Sector: "LUMBER", Value: 2e9, Description: "Pine lumber, sawn", Claim: 0.8, HasClaim: true},
		scenarios.Line{Direction: us, Code: "4407110020", Sector: "LUMBER", Value: 5e8, Description: "Pine lumber, planed", Claim: 0.9, HasClaim: true},
		scenarios.Line{Direction: us, Code: "4407120010", Sector: "LUMBER", Value: 1e9, Description: "Fir and spruce lumber"},
		scenarios.Line{Direction: us, Code: "4418990000", Sector: "LUMBER", Value: 3e8, Description: "Builders' joinery of wood"},
	)
	for i := range n {
		lines = append(lines, scenarios.Line{Direction: us, Code: fmt.Sprintf("94%02d%06d", 1+i%5, i), Sector: "OTHERMFG",
			Value: float64(1+i%97) * 1e6, Description: fmt.Sprintf("Furniture and parts, kind %d", i)})
	}
	ref := &scenarios.Reference{Lists: scenarios.ProductLists{
		"us-s232-softwood":       {Name: "us-s232-softwood", Title: "Softwood lumber", Source: "yale/policy_params.yaml (section_232_headings.softwood)", Codes: []string{"440711", "440712"}},
		"us-s232-wood-furniture": {Name: "us-s232-wood-furniture", Title: "Wood furniture", Source: "yale/policy_params.yaml (section_232_headings.wood_furniture)", Codes: []string{"9401", "9403"}},
	}}
	m, err := scenarios.NewModel(scenarios.ModelData{Sectors: base.Sectors, Lines: lines, Params: base.Params,
		ElasticityLow: base.ElasticityLow, ElasticityHigh: base.ElasticityHigh, Ref: ref})
	if err != nil {
		t.Fatal(err)
	}
	sess.CacheModel(sess.Draft().Assumptions, m)
	return m
}
