package scenarios

import "maps"

// Defaults of SPEC sections 1 and 2.
const (
	DefaultBaselineYear     = 2024
	DefaultCUSMAPreset      = "h2-2025"
	DefaultElasticitySet    = "hauk2012"
	DefaultElasticityLow    = 0.5
	DefaultElasticityHigh   = 1.5
	FileFormat              = "parley.scenario/1"
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

// Assumptions are a scenario's choices of reference data and parameters.
type Assumptions struct {
	BaselineYear   int     // year of baseline trade
	CUSMAShares    string  // CUSMA claim-share preset (flows into the US)
	Elasticities   string  // elasticity preset
	ElasticityLow  float64 // multiplier of e(s) for the low trade effect
	ElasticityHigh float64 // multiplier of e(s) for the high trade effect
	Overrides      Overrides
}

// DefaultAssumptions returns the defaults of SPEC sections 1 and 2.
func DefaultAssumptions() Assumptions {
	return Assumptions{
		BaselineYear:   DefaultBaselineYear,
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

// EvalDate returns the day the scenario is evaluated on by default.
func (s *Scenario) EvalDate() Date {
	if s.AsOfToday {
		return Today()
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
