import { ENTITY_TYPES, type ArticleEntity, type EntityType } from '../../shared/archive-format';
import { t } from '../../shared/browser';

interface Props {
  entities: readonly ArticleEntity[];
  /** Id of the entity whose mentions are marked, if any. */
  selectedId: string | null;
  onSelect(entity: ArticleEntity | null): void;
}

const GROUP_LABEL: Record<EntityType, string> = {
  person: 'entityGroupPeople',
  org: 'entityGroupOrganizations',
  place: 'entityGroupPlaces',
  date: 'entityGroupDates',
};

/** The article's entities grouped by type, each a toggle that marks its mentions. */
export function EntityList({ entities, selectedId, onSelect }: Props) {
  return (
    <section class="entities" aria-labelledby="entities-heading">
      <h2 id="entities-heading">{t('entitiesHeading')}</h2>
      {ENTITY_TYPES.map((type) => {
        const group = entities.filter((entity) => entity.type === type);
        if (group.length === 0) return null;
        return (
          <div class={`entity-group entity-${type}`} key={type}>
            <h3 id={`group-${type}`}>{t(GROUP_LABEL[type])}</h3>
            <ul aria-labelledby={`group-${type}`}>
              {group.map((entity) => (
                <li key={entity.id}>
                  <button
                    type="button"
                    class="entity"
                    aria-pressed={entity.id === selectedId}
                    title={entity.aliases.join(', ')}
                    onClick={() => onSelect(entity.id === selectedId ? null : entity)}
                  >
                    <span class="entity-name">{entity.name}</span>
                    <span class="entity-count" aria-label={t('mentionCount', String(entity.count))}>
                      {entity.count}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
