package scenarios

import (
	"maps"
	"time"
)

// Defaults of docs/SPEC.md sections 1 and 2.
const (
	DefaultBaselineYear     = 2024
	DefaultCUSMAPreset      = "h2-2025"
	DefaultElasticitySet    = "hauk2012"
	DefaultElasticityLow    = 0.5
	DefaultElasticityHigh   = 1.5
	FileFormat              = "parley.scenario/2" // the format Parley writes
	FileFormatV1            = "parley.scenario/1" // chapter lines only; still read
	MaxRate                 = 10.0
	maxElasticityMultiplier = 100.0
)

// Overrides replace a sector's default CUSMA share, elasticity or baseline
// tariff, in both directions. Keys are sector codes.
type Overrides struct {
	CUSMAShare     map[string]float64
	Elasticity     map[string]float64
	BaselineTariff map[string]float64
}

// IsEmpty reports whether no override is set.
func (o Overrides) IsEmpty() bool {
	return len(o.CUSMAShare) == 0 && len(o.Elasticity) == 0 && len(o.BaselineTariff) == 0
}

// Clone returns a deep copy of o.
func (o Overrides) Clone() Overrides {
	return Overrides{
		CUSMAShare:     maps.Clone(o.CUSMAShare),
		Elasticity:     maps.Clone(o.Elasticity),
		BaselineTariff: maps.Clone(o.BaselineTariff),
	}
}

// Granularities of baseline trade (docs/SPEC.md section 2).
const (
	// GranularityProduct uses tariff lines where they exist (HTS10 for
	// ca_to_us in 2024 and 2025) and chapter lines elsewhere.
	GranularityProduct = "product"
	// GranularityChapter uses one line per HS chapter: the only meaning of
	// format /1.
	GranularityChapter = "chapter"
)

// CUSMA share presets with a fixed meaning (docs/SPEC.md section 2); month presets
// are named by month ("2025-01").
const (
	// CUSMALinePreset takes each HTS10 line's own H2 2025 claim share, else
	// the sector's.
	CUSMALinePreset = "h2-2025"
	// CUSMASectorPreset is the H2 2025 sector share for every line: what
	// h2-2025 means in format /1.
	CUSMASectorPreset = "h2-2025-sector"
	// CUSMADatasetPreset takes each line's own claimed share from its
	// dataset, else the sector's.
	CUSMADatasetPreset = "dataset"
)

// Datasets name the user's datasets whose lines replace the built-in lines
// of a direction; "" means the built-in lines.
type Datasets struct {
	CAtoUS string
	UStoCA string
}

// For returns the dataset of direction d, or "".
func (ds Datasets) For(d Direction) string {
	if d == UStoCA {
		return ds.UStoCA
	}
	return ds.CAtoUS
}

// Set sets the dataset of direction d.
func (ds *Datasets) Set(d Direction, name string) {
	if d == UStoCA {
		ds.UStoCA = name
	} else {
		ds.CAtoUS = name
	}
}

// IsEmpty reports whether both directions use the built-in lines.
func (ds Datasets) IsEmpty() bool { return ds.CAtoUS == "" && ds.UStoCA == "" }

// Assumptions are a scenario's choices of reference data and parameters.
type Assumptions struct {
	BaselineYear   int      // year of baseline trade
	Granularity    string   // GranularityProduct or GranularityChapter
	Datasets       Datasets // the user's datasets, by direction
	CUSMAShares    string   // CUSMA claim-share preset (flows into the US)
	Elasticities   string   // elasticity preset
	ElasticityLow  float64  // multiplier of e(s) for the low trade effect
	ElasticityHigh float64  // multiplier of e(s) for the high trade effect
	Overrides      Overrides
	// IncludeThreats makes threatened measures active by their dates (docs/SPEC.md
	// section 2.1); without it they are never active.
	IncludeThreats bool
}

// ChapterLevel reports whether the assumptions use chapter lines only.
func (a Assumptions) ChapterLevel() bool { return a.Granularity == GranularityChapter }

// DefaultAssumptions returns the defaults of docs/SPEC.md sections 1 and 2 (format /2).
func DefaultAssumptions() Assumptions {
	return Assumptions{
		BaselineYear:   DefaultBaselineYear,
		Granularity:    GranularityProduct,
		CUSMAShares:    DefaultCUSMAPreset,
		Elasticities:   DefaultElasticitySet,
		ElasticityLow:  DefaultElasticityLow,
		ElasticityHigh: DefaultElasticityHigh,
	}
}

// Scenario is a named set of dated measures evaluated on a date under a set
// of assumptions.
type Scenario struct {
	Name        string
	Description string
	AsOf        Date
	// AsOfToday makes the scenario follow the clock: it is evaluated on the
	// current day, and AsOf holds the day it was last saved.
	AsOfToday   bool
	Assumptions Assumptions
	Measures    []Measure
}

// EvalDate returns the day the scenario is evaluated on by default:
// EvalDateAt(nil).
func (s *Scenario) EvalDate() Date { return s.EvalDateAt(nil) }

// EvalDateAt returns the day the scenario is evaluated on by default, with
// the clock now (nil means time.Now) giving "today" for a scenario that
// follows the clock.
func (s *Scenario) EvalDateAt(now func() time.Time) Date {
	if s.AsOfToday {
		return TodayAt(now)
	}
	return s.AsOf
}

// Clone returns a deep copy of s.
func (s Scenario) Clone() Scenario {
	c := s
	c.Assumptions.Overrides = s.Assumptions.Overrides.Clone()
	c.Measures = make([]Measure, len(s.Measures))
	for i, m := range s.Measures {
		c.Measures[i] = m.Clone()
	}
	return c
}

// Measure returns the measure with the given id, or nil.
func (s *Scenario) Measure(id string) *Measure {
	for i := range s.Measures {
		if s.Measures[i].ID == id {
			return &s.Measures[i]
		}
	}
	return nil
}

// Active reports whether measure me is active on day d under the
// scenario's assumptions (Measure.ActiveOn with its IncludeThreats).
func (s *Scenario) Active(me *Measure, d Date) bool {
	return me.ActiveOn(d, s.Assumptions.IncludeThreats)
}

// Unevidenced returns the ids of measures that carry no evidence.
func (s *Scenario) Unevidenced() []string {
	var ids []string
	for _, m := range s.Measures {
		if len(m.Evidence) == 0 {
			ids = append(ids, m.ID)
		}
	}
	return ids
}
