/** The pairings table's filters: place (district → street → community), category, provider kind, status, sort. */
import { CATEGORY_IDS, PROVIDER_KIND_IDS } from '../../domain/taxonomy.js';
import { SelectField, type SelectOption } from '../components/common.js';
import { useI18n } from '../i18n/i18n.js';
import type { Lookups } from '../state/lookups.js';
import { withFilter, type FilterField, type PairingFilters } from './filters.js';

const STATUSES = ['proposed', 'approved', 'rejected'] as const;

/** Communities to offer: those of the chosen street, else of the chosen district, else all. */
function communityOptions(lookups: Lookups | undefined, f: PairingFilters): SelectOption[] {
  if (!lookups) return [];
  const districts = f.district ? [f.district] : [...lookups.places.keys()];
  return districts.flatMap((d) =>
    [...(lookups.places.get(d)?.entries() ?? [])]
      .filter(([street]) => f.street === '' || street === f.street)
      .flatMap(([street, list]) => list.map((c) => ({ value: c.id, label: f.street ? c.name : `${c.name}（${street}）` }))),
  );
}

/** A community given alone (a shared link) shows its district and street too. */
function withPlaceOf(f: PairingFilters, lookups: Lookups | undefined): PairingFilters {
  const community = f.community ? lookups?.communities.get(f.community) : undefined;
  return community && f.district === '' ? { ...f, district: community.district, street: community.street } : f;
}

export function FilterBar(props: { filters: PairingFilters; lookups: Lookups | undefined; onChange: (f: PairingFilters) => void; onClear: () => void }) {
  const { lookups, onChange, onClear } = props;
  const filters = withPlaceOf(props.filters, lookups);
  const i18n = useI18n();
  const { t } = i18n;
  const set = (field: FilterField | 'sort') => (value: string) => {
    let next = withFilter(filters, field, value);
    // A community chosen on its own brings its district and street along, so the filters agree.
    const community = field === 'community' ? lookups?.communities.get(value) : undefined;
    if (community) next = { ...next, district: community.district, street: community.street };
    onChange(next);
  };
  const districts = [...(lookups?.places.keys() ?? [])].map((d) => ({ value: d, label: d }));
  const streets = [...(lookups?.places.get(filters.district)?.keys() ?? [])].map((s) => ({ value: s, label: s }));
  return (
    <form class="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filter.all')}>
      <SelectField label={t('filter.district')} name="district" value={filters.district} options={districts} onChange={set('district')} />
      <SelectField label={t('filter.street')} name="street" value={filters.street} options={streets} onChange={set('street')} />
      <SelectField label={t('filter.community')} name="community" value={filters.community} options={communityOptions(lookups, filters)} onChange={set('community')} />
      <SelectField label={t('filter.category')} name="category" value={filters.category} options={CATEGORY_IDS.map((c) => ({ value: c, label: i18n.category(c) }))} onChange={set('category')} />
      <SelectField label={t('filter.providerKind')} name="providerKind" value={filters.providerKind} options={PROVIDER_KIND_IDS.map((k) => ({ value: k, label: i18n.providerKind(k) }))} onChange={set('providerKind')} />
      <SelectField label={t('filter.status')} name="status" value={filters.status} options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} onChange={set('status')} />
      <SelectField
        label={t('filter.sort')}
        name="sort"
        value={filters.sort}
        anyLabel=""
        options={[
          { value: 'value_desc', label: t('sort.value_desc') },
          { value: 'value_asc', label: t('sort.value_asc') },
        ]}
        onChange={set('sort')}
      />
      <button type="button" class="quiet" onClick={onClear}>
        {t('filter.clear')}
      </button>
    </form>
  );
}
