import type { Material } from '@ah-tourism/shared'
import { Text, View } from '@tarojs/components'
import { MATERIAL_FORM_NAMES, MATERIAL_KIND_NAMES, MATERIAL_SOURCE_NAMES, NECESSITY_NAMES } from '@/features/catalog/labels'
import { GuideFileDownload, type GuideVersionRef } from './guide-file'
import { InfoRow } from './info-row'
import { GUIDE_STRINGS as S } from './strings'

function MaterialCard({ material, index, guide }: { material: Material; index: number; guide: GuideVersionRef }) {
  const fromLicence = material.source === 'issued_licence'
  return (
    <View className='material' role='listitem'>
      <View className='material__head'>
        <Text className='material__index' aria-hidden='true'>{index + 1}</Text>
        <Text className='material__name'>{material.name}</Text>
      </View>
      <View className='material__tags'>
        <Text className={`material__tag material__tag--${material.necessity}`}>{NECESSITY_NAMES[material.necessity]}</Text>
        <Text className='material__tag'>{MATERIAL_KIND_NAMES[material.kind]}</Text>
        <Text className='material__tag'>{MATERIAL_FORM_NAMES[material.form]}</Text>
        <Text className='material__tag'>{S.copiesValue(material.copies)}</Text>
      </View>
      {material.condition ? (
        <InfoRow label={S.condition}>
          <Text>{material.condition}</Text>
        </InfoRow>
      ) : null}
      {fromLicence ? (
        <View className='material__licence'>
          <Text className='material__licence-title'>{MATERIAL_SOURCE_NAMES.issued_licence}</Text>
          {material.licenceName ? <Text className='material__licence-text'>{S.line(S.licenceName, material.licenceName)}</Text> : null}
          {material.issuer ? <Text className='material__licence-text'>{S.line(S.issuer, material.issuer)}</Text> : null}
        </View>
      ) : (
        <InfoRow label={S.source}>
          <Text>{MATERIAL_SOURCE_NAMES[material.source]}</Text>
        </InfoRow>
      )}
      <InfoRow label={S.acceptanceStandard}>
        <Text>{material.acceptanceStandard}</Text>
      </InfoRow>
      {material.notes ? (
        <InfoRow label={S.notes}>
          <Text>{material.notes}</Text>
        </InfoRow>
      ) : null}
      {material.blankForm ? (
        <InfoRow label={S.blankForm}>
          <GuideFileDownload guide={guide} file={material.blankForm} role='blank_form' />
        </InfoRow>
      ) : null}
      {material.sample ? (
        <InfoRow label={S.sample}>
          <GuideFileDownload guide={guide} file={material.sample} role='sample' />
        </InfoRow>
      ) : null}
    </View>
  )
}

/** Every material, each with what it must be (kind, form, necessity, source, standard) and its blank form and sample. */
export function MaterialList({ materials, guide }: { materials: Material[]; guide: GuideVersionRef }) {
  return (
    <View className='material-list' role='list'>
      {materials.map((material, index) => (
        <MaterialCard key={material.id} material={material} index={index} guide={guide} />
      ))}
    </View>
  )
}
