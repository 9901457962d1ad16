import { fileSpecProblem } from '@ah-tourism/shared/src/application/file-spec'
import type { Material } from '@ah-tourism/shared'
import { useCallback, useState } from 'react'
import { currentLanguage } from '@/i18n/catalogue'
import { toApiError } from '@/services/api-error'
import { fileBytes } from './file-bytes'
import { MAX_FILES_PER_MATERIAL, type FormFile } from './form'
import { imageSize } from './image-size'
import { pdfPageCount } from './pdf-pages'
import { isImage, type PickedFile } from './picked-file'
import { APPLICATION_STRINGS as S } from './strings'
import { pickedFileProblem, uploadMaterial } from './uploads'

export interface SlotActivity {
  /** Name of the file being uploaded, if any. */
  busy: string | null
  /** Index being replaced, or null when adding. */
  replacing: number | null
  error: string | null
}

export const IDLE_SLOT: SlotActivity = { busy: null, replacing: null, error: null }

async function pageCount(file: PickedFile): Promise<number | null> {
  const bytes = await fileBytes(file.path)
  return bytes ? pdfPageCount(bytes) : null
}

/** What is wrong with a picked file against the guide's own spec for its material (format, size, pixels, pages), or null. */
async function specProblem(material: Material | undefined, file: PickedFile): Promise<string | null> {
  const spec = material?.fileSpec
  if (!material || !spec) return null
  const pixels = (spec.minWidth || spec.minHeight) && isImage(file.contentType) ? await imageSize(file.path) : null
  const pages = spec.maxPages && file.contentType === 'application/pdf' ? await pageCount(file) : null
  const facts = { contentType: file.contentType, size: file.size, ...(pixels ?? {}), ...(pages ? { pages } : {}) }
  return fileSpecProblem(material.name, spec, facts, currentLanguage())
}

/**
 * Uploads of material files for one item, per material slot: what is being uploaded, the slot's
 * error and local previews of pictures. Used by the application form and by the supplement
 * (resubmit) on the case page; the caller keeps the uploaded files.
 */
export function useUploads(implementationCode: string, materials?: readonly Material[]) {
  const [slots, setSlots] = useState<Record<string, SlotActivity>>({})
  const [previews, setPreviews] = useState<Record<string, string>>({})

  const setSlot = useCallback(
    (id: string, activity: Partial<SlotActivity>) => setSlots((previous) => ({ ...previous, [id]: { ...(previous[id] ?? IDLE_SLOT), ...activity } })),
    [],
  )

  /**
   * Checks a picked file (type, size, how many the slot has) and uploads it. Resolves with the stored
   * file, or null when it was refused or failed (the slot then says why).
   */
  const upload = async (materialId: string, file: PickedFile, replacing: number | null, filesNow: number): Promise<FormFile | null> => {
    const problem = pickedFileProblem(file) ?? (await specProblem(materials?.find((m) => m.id === materialId), file))
    if (problem) {
      setSlot(materialId, { error: problem })
      return null
    }
    if (replacing === null && filesNow >= MAX_FILES_PER_MATERIAL) {
      setSlot(materialId, { error: S.tooMany(MAX_FILES_PER_MATERIAL) })
      return null
    }
    setSlot(materialId, { busy: file.name, replacing, error: null })
    try {
      const uploaded = await uploadMaterial(implementationCode, materialId, file)
      if (isImage(uploaded.contentType)) setPreviews((previous) => ({ ...previous, [uploaded.key]: file.path }))
      setSlot(materialId, IDLE_SLOT)
      return uploaded
    } catch (error) {
      setSlot(materialId, { busy: null, replacing: null, error: toApiError(error).message })
      return null
    }
  }

  return {
    slots,
    previews,
    upload,
    clearError: (materialId: string) => setSlot(materialId, { error: null }),
    reset: () => setSlots({}),
    busy: Object.values(slots).some((slot) => slot.busy !== null),
  }
}
